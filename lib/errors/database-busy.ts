// Every connection of a pool stayed busy for the whole wait: the request is
// refused at once (503) rather than queued without bound, and told when to come back.
import { AppError } from "@/lib/errors/app-error";

export const databaseBusyRetryAfterSeconds = 5;

export const databaseBusy = () =>
  new AppError("database_unavailable", "The database is busy; try again shortly", {
    retryAfterSeconds: databaseBusyRetryAfterSeconds,
  });
