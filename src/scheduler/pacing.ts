// How a dispatcher paces its sends to the shared schedule.

/** A send and the instant (performance.now()) its slot starts. */
export type Planned<Row> = { row: Row; at: number };

// Rows whose slots fall within this many milliseconds are committed `sending` together, this long
// before the first of them: at 30 msg/s one or two rows, at 1,000 msg/s about 25.
export const WAVE_MS = 25;
export const LEAD_MS = 25;
// Half the slack the spacing leaves in each second (see the constructor).
export const LATE_MS = 15;
// How long before a batch's last slot the next batch is claimed: a claim and a reservation.
export const PREFETCH_MS = 150;
// Above this rate (paid broadcasts) a dispatcher keeps a second batch in flight.
export const PIPELINED_ABOVE_RATE = 100;

/** Planned sends, in slot order, cut into waves whose slots lie within `width` ms of the wave's first. */
export function waves<Row>(planned: Planned<Row>[], width: number): Planned<Row>[][] {
  const result: Planned<Row>[][] = [];
  for (const entry of planned) {
    const current = result.at(-1);
    if (current && entry.at - (current[0] as Planned<Row>).at < width) current.push(entry);
    else result.push([entry]);
  }
  return result;
}

export function sleepUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
