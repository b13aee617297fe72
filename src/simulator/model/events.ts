/**
 * The event kinds a workload is made of, per unit of work. A workload's native time already contains the
 * native cost of each event; a virtualized system adds (or, rarely, saves) cycles per event on top of it.
 *
 * Instructions / user CPU time are not counted one by one: a workload states which share of its native CPU
 * time runs in user mode and in kernel mode, and a system slows each share by a fraction (see
 * `SystemCosts.userOverhead` and `kernelOverhead`).
 */
export const EVENT_KINDS = [
  /** A system call (user → kernel → user round trip). */
  'syscall',
  /** A page fault taken by the guest kernel (demand paging, copy-on-write). */
  'pageFault',
  /** A write to a page-table entry by the guest kernel (fork, exec, mmap, munmap, exit). */
  'pteUpdate',
  /** A process context switch (an address-space switch: a CR3 write). */
  'contextSwitch',
  /** A device or timer interrupt delivered to the guest. */
  'interrupt',
  /** A synchronous exception other than a page fault (e.g. divide by zero). */
  'exception',
  /** A kernel-mode call/ret pair (translated indirect control flow under binary translation). */
  'callRet',
  /** One port I/O instruction (`in`/`out`) or MMIO access to a device register. */
  'portIo',
  /** One disk request (a block read or write submitted to the disk driver). */
  'diskRequest',
  /** One network packet sent. */
  'netTxPacket',
  /** One network packet received. */
  'netRxPacket',
  /** One payload byte sent (copies, checksums; per-byte costs). */
  'netTxByte',
  /** One payload byte received. */
  'netRxByte',
] as const;

/** One of {@link EVENT_KINDS}. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** Event counts per unit of work (absent kinds are zero). Counts are ≥ 0 and may be fractional (averages). */
export type EventCounts = Readonly<Partial<Record<EventKind, number>>>;

/** A cost per event for every kind, in CPU cycles of the testbed's clock. Costs are > 0 and finite. */
export type EventCycles = Readonly<Record<EventKind, number>>;
