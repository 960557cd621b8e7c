/** pg-boss's internal worker manager, which tests observe to see when each poller starts. */
declare module 'pg-boss/src/manager.js' {
  export default class Manager {
    watch: (this: Manager, ...args: unknown[]) => Promise<string>;
  }
}
