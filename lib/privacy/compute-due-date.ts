// Art. 12(3): an answer within one month of receipt, extendable by two further
// months. Calendar months in UTC: a month after 31 January is the last day of
// February, as date-fns clamps it.
import { UTCDate } from "@date-fns/utc";
import { addMonths } from "date-fns";

export const maxExtensionMonths = 2;

/** The day (00:00Z) a request received on `receivedAt` is due, after `extensionMonths` further months. */
export function computeDueDate(receivedAt: Date, extensionMonths = 0): Date {
  const due = addMonths(new UTCDate(receivedAt.getTime()), 1 + extensionMonths);
  return new Date(Date.UTC(due.getFullYear(), due.getMonth(), due.getDate()));
}
