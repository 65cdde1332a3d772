// What one report type is, in one place: how it is presented and asked for
// (label, description, form fields), how its request is validated and turned
// into a stored scope and a title, and how it is built (the engine contract).
// A type is one `*-report-type.ts` in its folder plus one line in registry.ts.
import type { z } from "zod";
import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { ReportDefinition, ReportScope } from "@/lib/compliance/reports/report-definition";

/**
 * What the Generate form asks for, in kinds the client knows how to render.
 * `name` is the request body field the value is sent as.
 */
export type ReportFormField =
  | {
      kind: "period";
      name: string;
      /** The longest range the body schema accepts, so the form can say so before sending. */
      maxYears: number;
    }
  | {
      /** Exactly one agent, sent as an id. */
      kind: "agent";
      name: string;
      isRequired: boolean;
      help: string;
      /** Help shown as a callout rather than a note: the choice is easy to get wrong. */
      isHelpProminent?: boolean;
      requiredMessage?: string;
    }
  | {
      /** A list of agents, sent as ids; `max` 1 is a single choice. */
      kind: "agents";
      name: string;
      isRequired: boolean;
      max: number;
      help: string;
      requiredMessage?: string;
      tooManyMessage?: string;
    }
  | {
      /** One recorded data-subject request, sent as its id; the request's own page generates it. */
      kind: "data_subject_request";
      name: string;
    };

export type ReportFormFieldKind = ReportFormField["kind"];

/** A validated request body: each type's own fields; every type may name the caller's org (the seed bodies do). */
export type ReportRequestBody = { orgId?: string | undefined; [field: string]: unknown };

/** Colours the type's badge; the badge component maps each tone to its classes. */
export type ReportTypeTone = "sky" | "violet" | "amber" | "emerald" | "rose" | "slate";

export type ReportTypeDefinition<
  Type extends string = string,
  Body extends ReportRequestBody = ReportRequestBody,
  Scope extends ReportScope = ReportScope,
> = ReportDefinition<Scope> & {
  type: Type;
  /** e.g. "SOC2 Summary": the select option, the report header and the title's first part. */
  label: string;
  /** Short uppercase tag for tables, e.g. "SOC2". */
  badge: string;
  tone: ReportTypeTone;
  description: string;
  form: readonly ReportFormField[];
  /** The POST /reports/:type body (400 with field details when refused). */
  bodySchema: z.ZodType<Body>;
  /** Reads a stored scope back for the worker; a scope it refuses fails the report. */
  scopeSchema: z.ZodType<Scope>;
  /**
   * The body field to name when one of the scope's `agentIds` is not in the
   * caller's org (every id in `agentIds` is checked).
   */
  agentsField: string;
  // Method syntax on purpose: the registry holds types with different bodies
  // and scopes; each entry only ever receives what its own schemas parsed.
  toScope(body: Body): Scope;
  /**
   * Checks what the scope names besides agents against the caller's org before
   * anything is queued (a 400 naming the body field); most types name only agents.
   */
  checkScope?(scope: Scope, org: { db: Database; orgId: string }): Promise<void>;
  /**
   * Runs in the transaction that queues the report, for records the scope
   * names that keep a link to it (whichever route queued it).
   */
  onQueued?(scope: Scope, queued: { tx: Prisma.TransactionClient; orgId: string; reportId: string }): Promise<void>;
  title(scope: Scope, agentNames: string[]): string;
};

/** Checks a definition against its own body and scope types and keeps its `type` literal. */
export function defineReportType<const Type extends string, Body extends ReportRequestBody, Scope extends ReportScope>(
  definition: ReportTypeDefinition<Type, Body, Scope>,
): ReportTypeDefinition<Type, Body, Scope> {
  return definition;
}
