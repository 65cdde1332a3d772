// What the demo agents' mail talks about, per kind of agent. `{n}` becomes a
// number, `{d}` a date, `{product}` a product name.
import type { AgentKind } from "@/lib/demo/demo-catalog";

export type EmailPhrases = {
  /** Subjects of mail the agent receives. */
  inboundSubjects: readonly string[];
  /** Subjects of mail the agent sends. */
  outboundSubjects: readonly string[];
  inboundLines: readonly string[];
  outboundLines: readonly string[];
};

export const products = [
  "RX-200 arm controller",
  "Vision Kit 3",
  "Gripper Pro",
  "Fleet Console",
  "Servo Pack S",
  "Lidar Module L2",
] as const;

export const emailPhrases: Record<AgentKind, EmailPhrases> = {
  support: {
    inboundSubjects: [
      "Order #{n} arrived damaged",
      "Cannot log in to the Fleet Console",
      "{product} firmware update failed",
      "Where is my replacement part?",
      "Question about warranty for {product}",
      "Refund request for order #{n}",
    ],
    outboundSubjects: [
      "Re: Order #{n} arrived damaged",
      "Your ticket #{n} has been updated",
      "Re: {product} firmware update failed",
      "Replacement for order #{n} has shipped",
      "Re: Question about warranty for {product}",
    ],
    inboundLines: [
      "The {product} stopped responding after the last update.",
      "I ordered on {d} and still have not received a tracking number.",
      "The unit shows error E{n} on start-up.",
      "Could someone call me? This is blocking our production line.",
      "I attached photos of the damaged packaging.",
    ],
    outboundLines: [
      "Thanks for reaching out, I have opened ticket #{n} for you.",
      "A replacement {product} will ship within two business days.",
      "Please try a factory reset and let us know if the error persists.",
      "Our engineers have confirmed the issue and are working on a fix.",
      "You can track the shipment from your account page.",
    ],
  },
  sales: {
    inboundSubjects: [
      "Pricing for {product}",
      "Re: Following up on our demo",
      "Volume discount question",
      "Can we reschedule?",
    ],
    outboundSubjects: [
      "Following up on our demo",
      "Your {product} quote",
      "Next steps for your pilot",
      "Meeting invite: {product} walkthrough",
    ],
    inboundLines: [
      "We would need about {n} units for the first phase.",
      "Our procurement team asks for a formal quote.",
      "Thursday works better for us.",
    ],
    outboundLines: [
      "Thanks for joining the demo on {d}.",
      "I attached the quote for {n} units of the {product}.",
      "Would a 30-minute call next week work for your team?",
      "Happy to set up a pilot at your site.",
    ],
  },
  billing: {
    inboundSubjects: [
      "Invoice INV-{n} question",
      "Please refund my order",
      "Wrong billing address on invoice",
      "Payment confirmation",
    ],
    outboundSubjects: [
      "Invoice INV-{n} from Acme Robotics",
      "Payment reminder: INV-{n}",
      "Refund processed for order #{n}",
      "Receipt for your payment",
    ],
    inboundLines: [
      "We were charged twice for invoice INV-{n}.",
      "Please send the refund to the account below.",
      "Our finance team needs the VAT number on the invoice.",
    ],
    outboundLines: [
      "Please find invoice INV-{n} attached, due on {d}.",
      "Your refund of EUR {n}.00 has been processed.",
      "This is a friendly reminder that INV-{n} is overdue.",
    ],
  },
  recruiting: {
    inboundSubjects: [
      "Application for Robotics Engineer",
      "Re: Interview schedule",
      "Documents for background check",
      "Availability next week",
    ],
    outboundSubjects: [
      "Interview schedule for Robotics Engineer",
      "Next steps in your application",
      "Please send your documents",
      "Offer letter",
    ],
    inboundLines: [
      "Please find my CV attached.",
      "I am available on {d} in the afternoon.",
      "Here are the details needed for the background check.",
    ],
    outboundLines: [
      "Thank you for applying, we would like to invite you to an interview.",
      "Your interview is confirmed for {d}.",
      "Please send a copy of your ID before the start date.",
    ],
  },
  vendor: {
    inboundSubjects: [
      "Supplier registration form",
      "Updated bank details",
      "Re: Vendor onboarding checklist",
      "Certificate of insurance",
    ],
    outboundSubjects: [
      "Vendor onboarding checklist",
      "Please confirm your bank details",
      "Welcome to the Acme supplier portal",
      "Missing documents for registration",
    ],
    inboundLines: [
      "Our bank details have changed as of {d}.",
      "Attached is the signed supplier agreement.",
      "Please find our tax registration enclosed.",
    ],
    outboundLines: [
      "To complete onboarding we need your bank details and tax ID.",
      "Your supplier number is V-{n}.",
      "Please confirm the remittance account for future payments.",
    ],
  },
  it: {
    inboundSubjects: [
      "Password reset",
      "Suspicious login alert",
      "Need access to the shared drive",
      "Laptop not connecting to VPN",
    ],
    outboundSubjects: [
      "Re: Password reset",
      "Your access request #{n}",
      "Re: Suspicious login alert",
      "VPN troubleshooting steps",
    ],
    inboundLines: [
      "I got a login alert I do not recognise.",
      "My account is locked after too many attempts.",
      "I need access to the engineering share for project {n}.",
    ],
    outboundLines: [
      "Your password has been reset; you will be asked to change it at next login.",
      "We blocked the session and reset your credentials.",
      "Access has been granted until {d}.",
    ],
  },
  legal: {
    inboundSubjects: [
      "NDA for review",
      "CONFIDENTIAL: contract draft",
      "Data processing agreement",
      "Question about terms",
    ],
    outboundSubjects: ["Re: NDA for review", "Received: contract draft", "DPA countersigned"],
    inboundLines: [
      "Please review the attached NDA before {d}.",
      "This draft is CONFIDENTIAL and not for distribution.",
      "Our counsel suggested changes to clause {n}.",
    ],
    outboundLines: [
      "The legal team will review this within five business days.",
      "We have logged your request as matter L-{n}.",
    ],
  },
  success: {
    inboundSubjects: ["Renewal question", "Feature request", "Re: Quarterly check-in", "Training for new staff"],
    outboundSubjects: [
      "Quarterly check-in",
      "Your renewal on {d}",
      "New features this month",
      "Training session invite",
    ],
    inboundLines: [
      "We plan to add {n} seats next quarter.",
      "Can we get a training session for our new hires?",
      "The reporting feature would help us a lot.",
    ],
    outboundLines: [
      "Your renewal date is {d}.",
      "I would love to hear how the rollout is going.",
      "Here is a summary of what shipped this month.",
    ],
  },
  collections: {
    inboundSubjects: ["Payment plan request", "Re: Overdue balance", "We paid already", "Dispute of charges"],
    outboundSubjects: [
      "Overdue balance on account {n}",
      "Payment plan confirmed",
      "Final reminder before collection",
      "Receipt for your payment",
    ],
    inboundLines: [
      "We transferred the amount on {d}.",
      "Could we split the balance into {n} instalments?",
      "We dispute the late fee.",
    ],
    outboundLines: [
      "Your balance of USD {n}.00 is 30 days overdue.",
      "We have set up a payment plan starting {d}.",
      "Thank you, your payment has been received.",
    ],
  },
  procurement: {
    inboundSubjects: ["Quote Q-{n}", "Re: Request for quotation", "Delivery date update", "Invoice for PO-{n}"],
    outboundSubjects: ["Request for quotation", "Purchase order PO-{n}", "Delivery confirmation", "Re: Quote Q-{n}"],
    inboundLines: [
      "Please find our quote for {n} units attached.",
      "Delivery is expected on {d}.",
      "Our payment terms are net 30.",
    ],
    outboundLines: [
      "Please quote for {n} units delivered by {d}.",
      "Purchase order PO-{n} is attached.",
      "Please confirm the delivery address.",
    ],
  },
  hr: {
    inboundSubjects: ["Payslip question", "Leave request", "Tax form for {d}", "Change of address"],
    outboundSubjects: ["Re: Payslip question", "Leave approved", "Your tax documents", "Onboarding paperwork"],
    inboundLines: [
      "My payslip for last month looks wrong.",
      "I would like to take leave from {d}.",
      "Here are the details for my tax form.",
    ],
    outboundLines: [
      "Your leave from {d} has been approved.",
      "Payroll will correct the amount in the next run.",
      "Please complete the onboarding forms before {d}.",
    ],
  },
  marketing: {
    inboundSubjects: ["Unsubscribe", "Re: Globex monthly update"],
    outboundSubjects: ["Globex monthly update", "New: {product} integration", "Webinar invite: automation at scale"],
    inboundLines: ["Please remove me from this list."],
    outboundLines: [
      "Here is what is new at Globex this month.",
      "Join our webinar on {d}.",
      "Read the customer story about {product}.",
    ],
  },
};
