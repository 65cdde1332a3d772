"use client";
// Phones: the dashboard's links behind a Menu button, in a sheet from the left
// (a Radix Dialog: focus moves in and stays, Escape or a link closes it, and
// focus returns to the button), instead of a row that scrolls off-screen.
import { useState } from "react";
import { DashboardNav } from "@/components/layout/dashboard-nav";
import { Dialog, DialogClose, DialogTitle, DialogTrigger, SheetContent } from "@/components/ui/dialog";
import type { Role } from "@/lib/auth/identity";

export function MobileNavMenu({ role }: { role: Role }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger className="-ml-1 flex size-9 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 sm:hidden">
        <StrokeIcon path="M4 6h16M4 12h16M4 18h16" />
        <span className="sr-only">Menu</span>
      </DialogTrigger>
      {/* The links say where they go; no description needed. */}
      <SheetContent aria-describedby={undefined}>
        <div className="mb-3 flex items-center justify-between">
          <DialogTitle className="text-base">Menu</DialogTitle>
          <DialogClose className="flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
            <StrokeIcon path="M6 6l12 12M18 6L6 18" />
            <span className="sr-only">Close menu</span>
          </DialogClose>
        </div>
        <DashboardNav role={role} layout="column" onNavigate={() => setIsOpen(false)} />
      </SheetContent>
    </Dialog>
  );
}

/** A decorative line icon; the button's text says what it does. */
function StrokeIcon({ path }: { path: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      className="size-5"
    >
      <path d={path} />
    </svg>
  );
}
