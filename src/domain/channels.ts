/**
 * What a chat channel can do, so that every flow renders through it rather than through the
 * channel's name: real buttons where there are (and how many a message carries), numbered options
 * where there are none; files as files where the channel sends them, as signed links otherwise;
 * files taken in the chat, or through the upload page.
 */
export type ChannelCapabilities = {
  /** Real buttons, at most `max` a message with titles of at most `titleLimit` characters; or numbered options. */
  buttons: { max: number; titleLimit: number } | "numbered";
  /** Whether a message already sent can be changed (else the new state comes as a new message). */
  edits: boolean;
  /** The files the channel carries as files (lower-case extensions, or any) up to a size; others go as links. */
  filesOut: { extensions: readonly string[] | "any"; maxBytes: number } | "links";
  /** Whether people can send a file in the chat (else the bot answers with a link to its upload page). */
  filesIn: boolean;
  /** The longest text one message carries. */
  textLimit: number;
};

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  buttons: { max: 100, titleLimit: 64 },
  edits: true,
  filesOut: { extensions: "any", maxBytes: 50 * 1024 * 1024 },
  filesIn: true,
  textLimit: 4096,
};

/** The Zalo Bot Platform: plain text only. */
export const ZALO_BOT_CAPABILITIES: ChannelCapabilities = { buttons: "numbered", edits: false, filesOut: "links", filesIn: false, textLimit: 2000 };

export const CONSOLE_CAPABILITIES: ChannelCapabilities = { buttons: "numbered", edits: false, filesOut: "links", filesIn: false, textLimit: 100_000 };

/** Whether a file of this name and size goes as a file on the channel. */
export function sendsAsFile(capabilities: ChannelCapabilities, fileName: string, size: number): boolean {
  const { filesOut } = capabilities;
  if (filesOut === "links" || size > filesOut.maxBytes) return false;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return filesOut.extensions === "any" || filesOut.extensions.includes(extension);
}
