// Loaded with `node --import` into the e2e server: shifts the process clock so that it starts
// at KABINET_E2E_CLOCK_START and runs on from there. Embedded PGlite reads the same JS clock,
// so `now()` in SQL and `new Date()` in the app agree. Only the help-desk journeys use it.
const start = Date.parse(process.env.KABINET_E2E_CLOCK_START ?? '');
if (!Number.isNaN(start)) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  const offset = start - realNow();
  const shiftedNow = () => realNow() + offset;
  // A proxy rather than a subclass, so `instanceof Date` still holds for dates made by Node.
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return args.length === 0
        ? Reflect.construct(target, [shiftedNow()], newTarget)
        : Reflect.construct(target, args, newTarget);
    },
    apply() {
      return new RealDate(shiftedNow()).toString();
    },
    get(target, property, receiver) {
      if (property === 'now') return shiftedNow;
      return Reflect.get(target, property, receiver);
    },
  });
}
