import { createConversation } from "@grammyjs/conversations";
import type { Context, ConversationContext } from "../src/bot/context.js";
import { RETURN_CONVERSATION, returnConversation } from "./approve.js";
import { BROADCAST_CONVERSATION, broadcastConversation } from "./broadcast.js";
import { REGISTER_CONVERSATION, registerConversation } from "./register.js";

/** The guided conversations, installed before the commands so an active one sees its replies first. */
export const conversationComposers = [
  createConversation<Context, ConversationContext>(registerConversation, REGISTER_CONVERSATION),
  createConversation<Context, ConversationContext>(returnConversation, RETURN_CONVERSATION),
  createConversation<Context, ConversationContext>(broadcastConversation, BROADCAST_CONVERSATION),
];
