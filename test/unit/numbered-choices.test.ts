import { describe, expect, it } from "vitest";
import { keyChoices, matchChoiceReply } from "../../src/domain/numbered-choices.js";

const offer = (labels: string[], taken: string[] = []) => {
  const keys = keyChoices(labels, taken);
  return labels.map((label, index) => ({ label, key: keys[index] as string }));
};

describe("numbered options: the number typed is the number read", () => {
  it("keys an item's options by the item's number, lettered when it has several", () => {
    expect(keyChoices(["✓ Duyệt 1", "↩ Trả lại 1", "✓ Duyệt 2", "↩ Trả lại 2"])).toEqual(["1a", "1b", "2a", "2b"]);
    expect(keyChoices(["✅ 4", "✗ 4", "🗳 Bỏ phiếu kín trong đơn vị", "📨 Gửi kết quả lên Hội đồng"])).toEqual(["4a", "4b", "5", "6"]);
  });

  it("keys page 2 of a ballot by the candidates' own numbers, the page's buttons after them", () => {
    expect(keyChoices(["Đổi 11", "Đổi 12", "Đổi 13", "◀ Trang trước", "📨 Nộp phiếu"])).toEqual(["11", "12", "13", "14", "15"]);
  });

  it("numbers options without items from 1, and a notification's after the options still answerable", () => {
    expect(keyChoices(["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Hủy"])).toEqual(["1", "2", "3"]);
    expect(keyChoices(["✓ Duyệt", "↩ Trả lại"], ["1", "2", "3"])).toEqual(["4", "5"]);
    // An item number already answerable in the chat is not taken again.
    expect(keyChoices(["Đổi 2"], ["1", "2"])).toEqual(["3"]);
  });

  it("reads a key typed plainly, as «số N» or with its letter, and asks again for a number that names several", () => {
    const approve = offer(["✓ Duyệt 1", "↩ Trả lại 1", "✓ Duyệt 2", "↩ Trả lại 2"]);
    expect(matchChoiceReply("2a", approve)).toEqual({ kind: "chosen", index: 2 });
    expect(matchChoiceReply("Số 2 B", approve)).toEqual({ kind: "chosen", index: 3 });
    expect(matchChoiceReply("2", approve)).toEqual({ kind: "ambiguous", keys: ["2a", "2b"] });
    expect(matchChoiceReply("3", approve)).toEqual({ kind: "out-of-range", first: "1a", last: "2b" });
    expect(matchChoiceReply("tra lai 2", approve)).toEqual({ kind: "chosen", index: 3 });
  });

  it("takes a label typed that two messages offer as the newer message's", () => {
    const both = [...offer(["Hủy"]), ...offer(["✓ Duyệt", "Hủy"], ["1"])];
    expect(both.map((choice) => choice.key)).toEqual(["1", "2", "3"]);
    expect(matchChoiceReply("huy", both)).toEqual({ kind: "chosen", index: 2 });
    expect(matchChoiceReply("1", both)).toEqual({ kind: "chosen", index: 0 });
  });
});
