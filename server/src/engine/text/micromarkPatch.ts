// Makes micromark's EditMap.consume linear in the edited tail. The published version
// (micromark-util-edit-map 1.0.0, used by micromark 4.0.3) copies the whole event list on
// every call, and micromark calls it each time a line closes nested list items or block
// quotes: a 200,000-character list with sub-items took 27 s to parse instead of 4 s. This
// version leaves the events before the first edit in place and rebuilds only the rest,
// with the same result (test/robustness/hostile.test.ts compares the two on random input).
import { EditMap } from 'micromark-util-edit-map';

type Events = unknown[];
type Change = [number, number, Events];
interface EditMapInternals {
  map: Change[];
  index: Map<number, Change>;
  consume(events: Events): void;
}

const prototype = EditMap.prototype as unknown as EditMapInternals;

export const originalConsume: (this: EditMapInternals, events: Events) => void = prototype.consume;

export function linearConsume(this: EditMapInternals, events: Events): void {
  this.map.sort((a, b) => a[0] - b[0]);
  if (this.map.length === 0) return;
  const first = this.map[0][0];
  const tail = events.slice(first);
  const tailEnd = first + tail.length;
  events.length = first;
  let cursor = first;
  for (const [at, remove, add] of this.map) {
    for (let i = cursor; i < at; i++) events.push(tail[i - first]);
    for (const event of add) events.push(event);
    cursor = at + remove;
  }
  for (let i = cursor; i < tailEnd; i++) events.push(tail[i - first]);
  this.map.length = 0;
  this.index.clear();
}

/** Installs `linearConsume` when EditMap has the shape it was written for; otherwise leaves micromark alone. */
export function installLinearConsume(): boolean {
  const probe = new EditMap() as unknown as Partial<EditMapInternals>;
  if (typeof prototype.consume !== 'function' || !Array.isArray(probe.map) || !(probe.index instanceof Map)) return false;
  prototype.consume = linearConsume;
  return true;
}

installLinearConsume();
