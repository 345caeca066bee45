import { describe, expect, it } from "vitest";
import { sharedLimits } from "../../src/services/reminders/context.js";

describe("texts sharing one message", () => {
  it("keeps texts that fit together whole", () => {
    expect(sharedLimits([1200, 2000], 3498)).toEqual([1200, 2000]);
  });

  it("lets a long text use what a short one leaves", () => {
    // 3,498 - 300 = 3,198 for the long list.
    expect(sharedLimits([5000, 300], 3498)).toEqual([3198, 300]);
  });

  it("halves the length between two long texts", () => {
    expect(sharedLimits([3500, 4200], 3498)).toEqual([1749, 1749]);
  });

  it("shares among three: the shortest whole, the others equally", () => {
    // 3,000 - 400 = 2,600 left for two: 1,300 each.
    expect(sharedLimits([2000, 400, 5000], 3000)).toEqual([1300, 400, 1300]);
  });
});
