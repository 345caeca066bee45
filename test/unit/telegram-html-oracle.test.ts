import { describe, expect, it } from "vitest";
import { telegramRendering } from "../support/telegram-html-oracle.js";

// Golden cases of what Telegram answers, from the Bot API's "HTML style" rules.
describe("the fake Bot API's reading of Telegram HTML", () => {
  it("shows the text of the supported tags and the four named entities", () => {
    expect(telegramRendering('<b>Đậm</b> <i>nghiêng</i> <a href="https://x.vn/?a=1&amp;b=2">liên kết</a>')).toEqual({ text: "Đậm nghiêng liên kết" });
    expect(telegramRendering("a &lt; b &amp;&amp; c &gt; d &quot;e&quot; &#273; &#x111;")).toEqual({ text: 'a < b && c > d "e" đ đ' });
    expect(telegramRendering('<pre><code class="language-ts">x</code></pre><blockquote expandable>q</blockquote>')).toEqual({ text: "xq" });
  });

  it("refuses what Telegram refuses", () => {
    for (const html of [
      "<p>đoạn</p>",
      "<br>",
      "<div>x</div>",
      "1 < 2",
      "Tom & Jerry",
      "&nbsp;",
      "<b>không đóng",
      "<b><i>sai thứ tự</b></i>",
      "</b>",
      '<a href="x">',
    ]) {
      expect(telegramRendering(html), html).toHaveProperty("refusal");
    }
  });
});
