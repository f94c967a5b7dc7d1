import { AppError } from '../../contract/errors';

/** Answer of a module whose feature has not landed yet (each names the issue that brings it). */
export function notImplemented(feature: string): never {
  throw new AppError('NotImplemented', `${feature} is not available in this version of the app yet.`);
}
