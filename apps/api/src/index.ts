/** The API as a library, for tests and for processes that embed it. */
export {
  LIMITS,
  type RunningServer,
  type ServerOptions,
  createApp,
  startServer,
  typeDefs,
} from './server.js';
export { fromGlobalId, toGlobalId } from './ids.js';
