// The server is already doing as much of some heavy work (an evidence package,
// say) as it allows at once, and the line for it is full or too slow: the
// request is refused (503) and told when to come back, instead of waiting without bound.
import { AppError } from "@/lib/errors/app-error";

export const serverBusyRetryAfterSeconds = 10;

export const serverBusy = (what: string) =>
  new AppError("server_busy", `The server is busy with other ${what}; try again shortly`, {
    retryAfterSeconds: serverBusyRetryAfterSeconds,
  });
