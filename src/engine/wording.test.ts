/**
 * Wording tests for the engine's phrase detection: sentences written from the escalation guide and the rule
 * descriptions alone, without reading the engine's patterns. Each rule gets sentences that must fire it
 * (varied wording: typos, chat style, British spelling, long email style) and sentences that must not
 * (negation, quotation, hypotheticals, policy questions, unrelated uses of the same keyword).
 */
import { describe, expect, it } from 'vitest';
import type { Bundle, Checklist } from './bundle';
import { decide, type Decision } from './decide';

interface Line {
  from: 'customer' | 'agent';
  internal?: boolean;
  text: string;
}

const NOW = '2025-06-01T12:00:00Z';
const HOUR = 3_600_000;
const DEFAULT_CHECKLIST: Checklist = {
  troubleshooting_done: true,
  info_complete: true,
  port_in_info_verified: true,
};

function makeBundle(
  comments: Line[],
  checklist: Checklist = DEFAULT_CHECKLIST,
  subject = 'Support request',
): Bundle {
  const now = Date.parse(NOW);
  return {
    now: NOW,
    ticket: {
      id: 4242,
      subject,
      status: 'open',
      via: { channel: 'email' },
      created_at: new Date(now - 2 * HOUR).toISOString(),
      requester_id: 1,
      assignee_id: 2,
      tags: [],
    },
    users: [
      { id: 1, name: 'Sam Lee', email: 'sam@example.com', role: 'end-user' },
      { id: 2, name: 'Ana Ruiz', email: 'ana@meow.example', role: 'agent' },
    ],
    comments: comments.map((c, i) => ({
      id: 9001 + i,
      author_id: c.from === 'customer' ? 1 : 2,
      body: c.text,
      public: !(c.internal ?? false),
      created_at: new Date(now - 90 * 60_000 + i * 60_000).toISOString(),
    })),
    agent_checklist: checklist,
    settings: {},
  };
}

const customer = (text: string): Line => ({ from: 'customer', text });
const agentNote = (text: string): Line => ({ from: 'agent', internal: true, text });

function fired(decision: Decision, rule: string): boolean {
  return decision.reasons.some((r) => r.rule === rule);
}

/** Failure message: what did fire, and what was held back by a guard (so a miss can be told from a hold). */
function explain(decision: Decision): string {
  return JSON.stringify({
    reasons: decision.reasons.map((r) => r.rule),
    held_back: decision.held_back,
    blockers: decision.blockers.map((b) => b.id),
  });
}

interface RuleTable {
  rule: string;
  /** Who writes the sentence; customer by default. */
  author?: (text: string) => Line;
  fires: string[];
  silent: string[];
}

const RULES: RuleTable[] = [
  {
    rule: 'legal_threat',
    fires: [
      "If this isn't fixed by Friday I'm taking you to small claims court.",
      'my lawyer will be in touch. ive had enough',
      'I have instructed my solicitor to begin proceedings against Meow Mobile over these charges.',
      'Please consider this formal notice that I intend to file a lawsuit against your company unless the disputed charges are reversed in full.',
      'im gonna sue u guys for every penny',
      "I've already spoken with an attorney and we will be pursuing legal action if this isn't resolved.",
      'Expect to hear from my attorny.',
    ],
    silent: [
      "I'm not going to sue anyone, I just want my refund.",
      'My friend said "you should sue them", but honestly I just want the line working again.',
      'No need for lawyers or anything like that, just please fix my bill.',
      'The new plan suits me fine, thanks for the courtesy call.',
      "I'm moving to a flat right next to the courthouse, how do I update my billing address?",
      'I work as a paralegal and need a plan with good coverage inside the court building.',
    ],
  },
  {
    rule: 'legal_request',
    fires: [
      'Attached is a subpoena for the subscriber records associated with 555-0134.',
      'This is Detective Morales with the Springfield Police Department. We are requesting call detail records for the number below as part of an active investigation.',
      'Under GDPR Article 15 I am requesting a copy of all personal data you hold about me.',
      'Per the CCPA, please delete all personal information you have collected about me.',
      'We have served a court order requiring Meow Mobile to preserve all text message records for this account.',
      'i want to make a subject access request for all the data u hold on me',
      'Please find enclosed a search warrant for the account information of the subscriber at 555-0188.',
      "I've filed a complaint with the FCC about your billing practices.",
    ],
    silent: [
      "I don't need a copy of my data or anything, I just want to change my plan.",
      'My cousin told me "phone companies hand your texts to the police all the time", which freaked me out, but my actual question is about roaming.',
      'If the police ever asked for my records, would you tell me?',
      "What's your privacy policy under GDPR? Just want to understand it before I sign up.",
      'The court ordered me to pay child support so money is tight, can I switch to a cheaper plan?',
      'Is my phone still under warranty? The screen cracked.',
    ],
  },
  {
    rule: 'legal_deadline',
    fires: [
      'Enclosed is a subpoena duces tecum; responsive records must be produced no later than June 20, 2025.',
      'This is a law enforcement request for subscriber information on 555-0199. Please respond within 10 days.',
      'Under GDPR you have one month to answer my subject access request, so I expect the data by 1 July.',
      'The attached court order requires you to hand over the call records by 5pm on 3 June.',
    ],
    silent: [
      'Attached is a subpoena for the subscriber records associated with 555-0134.',
      "I need my new SIM by Friday because I'm travelling.",
      'If I sent a GDPR request, how long would you have to respond?',
      'My bill is due on June 15, can I get an extension?',
    ],
  },
  {
    rule: 'media_inquiry',
    fires: [
      "Hi, I'm a reporter at the Daily Courier working on a story about mobile outages. Could Meow Mobile comment by 5pm?",
      "I'm a journalist with TechBeat writing about eSIM activation problems and would welcome a statement from your press office.",
      'freelance journo here, doing a piece for the Guardian on carrier billing, can someone from Meow give me a quote?',
      "This is Dana from Channel 7 News; we're running a segment tonight on the outage and would like Meow Mobile's response.",
      "I write for Wired and I'm on deadline for an article about SIM swap fraud - does Meow have a comment?",
    ],
    silent: [
      'I pressed the button on the side to restart like you said, still no signal.',
      "I'm not a journalist or anything, just a customer who's fed up with dropped calls.",
      'A reporter on TV said "Meow Mobile has the worst coverage", is that true? Mine seems fine.',
      'I work nights at a newspaper printing press and need better coverage there.',
      'My daughter is a reporter and she told me to switch to Meow, so here I am. How do I activate?',
    ],
  },
  {
    rule: 'executive_complaint',
    fires: [
      "I'm the CEO of Brightline Logistics (40 lines with you) and I am extremely dissatisfied with how this outage has been handled.",
      'This complaint was forwarded from the Office of the CEO: the customer has been overbilled three months running and is furious.',
      'As Chief Financial Officer of Harbor Foods, I want to formally complain about the repeated billing errors on our corporate account.',
      'VP of Operations at Northwind here. Frankly your service to our company has been appalling and I want a formal complaint on record.',
    ],
    silent: [
      "I'm the CEO of a two-person bakery and I just wanted to say your service has been great!",
      "My complaint is that my bill went up by $5 this month. I'm a teacher on a tight budget.",
      'My boss, the company president, said "just call Meow" so here I am, how do I add a line?',
      'If a director at my company had a complaint, who should they email?',
      "Who is the CEO of Meow Mobile? I'd like to send a thank-you note.",
    ],
  },
  {
    rule: 'emergency_safety_risk',
    fires: [
      "My ex is stalking me and tracking my phone, I'm scared for my life, please help me change my number now.",
      "911 calls aren't going through on my line. I tried to call an ambulance for my dad and it failed.",
      "I have a protective order against my abusive ex-husband and he's still on the family plan. I need him removed today, I'm in danger.",
      'my 14 year old daughter is missing and her phone is on your network, the police need her location urgently',
      'honestly i dont want to be here anymore and i have the pills next to me',
      "There's someone trying to break into my house right now and my phone can't dial emergency services.",
      "I'm fleeing domestic violence and my abuser can see my location through the shared account.",
    ],
    silent: [
      "This isn't an emergency, just wondering when my new SIM will arrive.",
      'Does 911 still work on a phone without a SIM card? Just curious.',
      'The guy at the store said "this is a total emergency" about my cracked screen lol, but I just need a replacement.',
      "I'm dying to try the new 5G plan, how do I upgrade?",
      'If my kid ever went missing, could you locate their phone?',
    ],
  },
  {
    rule: 'security_incident',
    fires: [
      "When I log into the Meow app I'm seeing someone else's name, address and call history instead of mine.",
      'My Meow account number, PIN and home address turned up in a leaked database online. It looks like your systems were breached.',
      'ur app is showing me other peoples bills?? i can see a strangers invoice and phone number',
      "Your customer portal is exposing other customers' personal data: I changed the number in the URL and saw another account's details.",
      "The billing email you sent me contained another subscriber's full name, address and card details.",
    ],
    silent: [
      "I'm not reporting a breach or anything, I just forgot my password.",
      'My coworker joked "Meow probably leaks all our data", but I\'m just here to set up voicemail.',
      'If there were ever a data breach at Meow, would you notify customers?',
      'My roof has a leak and water got into my phone, does insurance cover that?',
    ],
  },
  {
    rule: 'account_takeover',
    fires: [
      "Someone got into my account and changed the email address, now I can't log in.",
      'i didnt request a sim swap but my phone lost service and now someone else has my number!!',
      'My number was ported out to another carrier without my permission last night.',
      "A person I don't know reset my password and has been using my account to order phones.",
      "I've been locked out, somebody hijacked my Meow account and changed the PIN.",
    ],
    silent: [
      'If someone ever hacked my account, what would happen?',
      'Nobody has accessed my account, I just want to change my own password.',
      'A text said "your account has been compromised, click here". I didn\'t click it and everything looks normal, is that message really from you?',
      'How do I change the email on my account? I got a new work address.',
      "I swapped SIMs with my wife's phone to test it and it worked fine.",
    ],
  },
  {
    rule: 'harassment',
    fires: [
      "Someone keeps calling me from blocked numbers and threatening me, it's been happening every night.",
      "I'm getting abusive texts from an unknown number calling me horrible names, can you block them?",
      'my ex wont stop harrassing me with messages, 50 a day, please help',
      "I'm being harassed by a stranger who got hold of my number; the calls are threatening and frightening.",
      'An unknown caller has been leaving threatening voicemails saying he knows where I live.',
    ],
    silent: [
      "I'm not being harassed or anything, I just get a lot of marketing calls.",
      'My sister said "stop harassing me" as a joke when I texted her ten times lol. Anyway, how many texts are included in my plan?',
      'What is your policy on blocking abusive callers?',
      'The threat of roaming charges is the only thing stopping me travelling, what are your rates?',
      'If I ever got threatening calls, could you trace them?',
    ],
  },
  {
    rule: 'identity_theft',
    fires: [
      'Someone opened three lines in my name without my knowledge and now I am getting bills for them.',
      'I never signed up for Meow but there is an account under my SSN with a $900 balance.',
      'my identity was stolen and the thief opened a meow account using my details',
      "There's a line registered to me that I didn't open, somebody used my driving licence to sign up.",
      'A collections agency contacted me about a Meow account I never opened.',
    ],
    silent: [
      'I opened a new line in my name for my son, how do I set up parental controls?',
      'If someone stole my identity and opened a line, how would I report it?',
      'I read that "identity theft is on the rise" so I want to add a PIN to my account.',
      "Is the account in my name or my husband's? I can't remember who set it up.",
    ],
  },
  {
    rule: 'fraud_suspected',
    fires: [
      'There are charges on my card from Meow that I never made. I think my card was stolen.',
      'This is a scam, someone called pretending to be Meow and took $300 from me.',
      "I'm filing a chargeback with my bank for these because I never authorised them.",
      'someone used a stolen credit card to buy phones on my account??',
      "I think someone is committing fraud using my account, there are orders I didn't place.",
    ],
    silent: [
      "I'm not saying it's fraud, I just don't understand this charge.",
      'My bank said "this looks legit, not fraud" so I\'ll just pay it. How do I set up autopay?',
      'What happens with my plan if my phone is ever stolen?',
      "If I ever saw a charge I didn't make, should I do a chargeback or call you first?",
      'I feel like a fraud asking this, but how do I turn on voicemail?',
    ],
  },
  {
    rule: 'suspension_appeal',
    fires: [
      "My line was suspended for 'suspicious activity' but I didn't do anything wrong, please reinstate it.",
      "I'd like to appeal the suspension of my account. I was travelling and my usage was legitimate.",
      'you suspended my account for no reason, i want it back on asap, this is a mistake',
      'Your team has suspended my number claiming an AUP violation. I dispute this and request a review.',
      'My account got suspended even though my bill is fully paid. Please lift the suspension.',
    ],
    silent: [
      "My line was suspended because I forgot to pay. I've paid now, when will it come back?",
      'If my account were ever suspended, how would I appeal?',
      "I'd like to suspend my line while I'm abroad for three months.",
      'Got a text saying "your account will be suspended", is that a scam? My account seems fine.',
      "I'm appealing a parking ticket, how do I download last month's bill as a PDF?",
    ],
  },
  {
    rule: 'retention_offer',
    fires: [
      'I want to cancel my service at the end of the month.',
      "honestly thinking of switching to T-Mobile, they're offering me half the price",
      "Please send me my port-out PIN and account number, I'm moving my number to Verizon.",
      "I've had enough, I'm leaving Meow and taking my number with me.",
      "Kindly close my account; I've found a cheaper provider.",
    ],
    silent: [
      "I'm not cancelling, I love the service, I just need help with voicemail.",
      'Does cancelling the international roaming add-on change my plan price?',
      'My brother keeps saying "just switch to Verizon" but I\'m staying, I just need my data fixed.',
      "I'd like to cancel my order for the phone case, it was a duplicate.",
      'I just ported my number in from AT&T yesterday, when will it be active?',
      'Can I switch my plan to unlimited?',
    ],
  },
  {
    rule: 'network_outage',
    fires: [
      'No service at all since this morning, and my neighbours on Meow have no signal either.',
      'the whole street has lost signal, me and my flatmates all show SOS only',
      'Our entire office (about 15 of us on Meow) has had no service for three hours.',
      'Calls and data are down for everyone in my family, all four phones, since 6am.',
      'Nobody in our building can get a signal on Meow since last night. Is there an outage?',
    ],
    silent: [
      "My phone has no service but my husband's Meow phone works fine right next to me.",
      "Is there an outage? Everything's working for me, I'm just checking before a trip.",
      'If there is ever an outage, do you give credits?',
      'My neighbour said "Meow had an outage last week". I didn\'t notice anything, all good here.',
      'Our neighbourhood group chat works great on Meow, how do I add my mum to my plan?',
    ],
  },
  {
    rule: 'number_not_releasing',
    fires: [
      "Verizon won't release my number, they keep saying there's a hold on it.",
      'my old carrier refuses to let my number go, the port is stuck on their side',
      "AT&T is blocking the transfer of my number to you even though I've paid my final bill.",
      "Three weeks on and Vodafone still hasn't released my number for the port.",
    ],
    silent: [
      "My old carrier released my number yesterday and it's working great on Meow now.",
      'If my old carrier refused to release my number, what would I do?',
      'The Verizon rep said "we will release the number within 24 hours", so I\'ll wait until tomorrow.',
      'When is the new iPhone release date? I want to upgrade.',
    ],
  },
  {
    rule: 'carrier_activation_rejected',
    fires: [
      'Activation failed: the error says the SIM was rejected by the network carrier.',
      'The carrier keeps rejecting my SIM activation.',
      "AT&T rejected the activation of my new SIM, the app says 'activation declined by carrier'.",
      "tried to activate my sim 3 times, every time its 'rejected by network provider'",
    ],
    silent: [
      'My SIM activated fine, thanks!',
      'What happens if the carrier rejects my activation?',
      'The store clerk said "sometimes the carrier rejects new SIMs" but mine worked first time.',
      'My credit card was rejected when I tried to pay, can you help?',
    ],
  },
  {
    rule: 'esim_provisioning_stuck',
    fires: [
      "My eSIM has been stuck on 'activating' for two days.",
      'esim download never finishes, it just says provisioning in progress since monday',
      "The eSIM profile won't install. It's been pending for 48 hours and I have no service.",
      "I scanned the QR code for my eSIM yesterday and it's still showing 'Provisioning...' today.",
    ],
    silent: [
      'My eSIM activated in seconds, great job!',
      'Does the iPhone 12 support eSIM?',
      'If my eSIM got stuck, could I switch to a physical SIM?',
      'My friend said "eSIMs always get stuck". Is that true? Mine is fine, I\'m just curious.',
    ],
  },
  {
    rule: 'sim_swap_failing',
    fires: [
      "I've tried to swap to my new SIM four times and it fails every time.",
      'SIM replacement keeps failing, third attempt today, same error.',
      'sim swap failed again!! thats the 5th time this week',
      "Every time I try to move my service to the new SIM card it errors out; I've tried repeatedly since Tuesday.",
    ],
    silent: [
      'My SIM swap went through fine on the first try.',
      'The SIM swap failed once, but the second try worked.',
      'How do I do a SIM swap to my new phone?',
      'If the SIM swap fails, do I lose my number?',
    ],
  },
  {
    rule: 'api_error',
    fires: [
      "The app shows 'Error 500: Internal Server Error' every time I try to pay my bill.",
      'The portal keeps throwing error code E-4012 when I try to update my address.',
      'getting HTTP 503 on the meow website when I log in',
      "The checkout page says 'Something went wrong (code 502)' and won't let me order.",
    ],
    silent: [
      'I made an error in my address when I signed up, can I change it?',
      'No errors in the app, everything works. I just want to add a line.',
      "I'm 500 miles from home this week, does my plan cover that?",
      'My son said "the app threw a 500 error" last week, but it\'s working fine for me now.',
    ],
  },
  {
    rule: 'data_inconsistency',
    fires: [
      'The app says my plan is Unlimited but my bill says I am on the 5GB plan.',
      'my account page shows the line is active but the billing page says its cancelled??',
      'Your website shows I have paid, but the app still says my balance is overdue.',
      'The portal lists two lines on my account while my invoice lists three. Which is right?',
    ],
    silent: [
      'The app and my bill both show the Unlimited plan, just confirming that is correct.',
      'If the app and the website ever showed different balances, which one should I trust?',
      'My two kids use different amounts of data, can I see each line separately?',
      'The rep said "the app and the bill sometimes disagree", but mine match, so no problem.',
    ],
  },
  {
    rule: 'app_crash_blocking',
    fires: [
      "The Meow app crashes every time I tap 'Pay bill', so I can't pay.",
      "app keeps crashing when i try to activate my esim, can't finish setup",
      'Whenever I open the port-in screen the app closes itself and I cannot submit my number transfer.',
      "The app force-closes on launch so I can't get my activation code.",
    ],
    silent: [
      "The app crashed once yesterday but it's been fine since.",
      'My car crashed and my phone was destroyed, how do I get a new SIM?',
      'If the app crashes, is there another way to pay?',
      "The app doesn't crash, it's just a little slow to load the usage page.",
    ],
  },
  {
    rule: 'system_bug_identified',
    author: agentNote,
    fires: [
      'Confirmed backend bug: the provisioning service returns success but never pushes the profile to the network.',
      "Checked logs: this is a bug in the billing sync job, it's double-charging when autopay retries.",
      "Reproduced on staging: the number-porting service drops the account PIN. It's a system bug, needs engineering.",
      'Engineering defect: the plan change API ignores the effective date, reproducible on any account.',
    ],
    silent: [
      'Checked logs, no bug found. Customer had entered the wrong ICCID.',
      'Customer thinks it is a bug but it was user error, resolved by restarting the phone.',
      'Customer asked whether we run a bug bounty program, pointed them to the website.',
      "If this turns out to be a backend bug we'll need engineering; still checking.",
    ],
  },
];

describe.each(RULES)('rule $rule', ({ rule, author = customer, fires, silent }) => {
  it.each(fires)('fires: %s', (text) => {
    const decision = decide(makeBundle([author(text)]));
    expect(fired(decision, rule), explain(decision)).toBe(true);
  });

  it.each(silent)('does not fire: %s', (text) => {
    const decision = decide(makeBundle([author(text)]));
    expect(fired(decision, rule), explain(decision)).toBe(false);
  });
});

describe('rule system_bug_identified needs the agent', () => {
  it.each([
    'I think there is a bug in your backend, the app double-charged me.',
    'This is clearly a system bug on your side.',
  ])('does not fire when the customer writes: %s', (text) => {
    const decision = decide(makeBundle([customer(text)]));
    expect(fired(decision, 'system_bug_identified'), explain(decision)).toBe(false);
  });
});

interface BlockerTable {
  id: string;
  /** The ticket with the sentence in it; the checklist leaves the guard's own question unanswered. */
  build: (text: string) => Bundle;
  holds: string[];
  clear: string[];
}

/** A ticket that fires an engineering rule on its own, so a guard has something to hold back. */
const STUCK_ESIM = customer("My eSIM has been stuck on 'activating' for two days and I have no service.");

const BLOCKERS: BlockerTable[] = [
  {
    id: 'troubleshooting_not_done',
    build: (text) =>
      makeBundle([STUCK_ESIM, agentNote(text)], { info_complete: true, port_in_info_verified: true }),
    holds: [
      "Haven't done any troubleshooting yet, escalating straight away.",
      'no troubleshooting steps tried so far',
      'Note: I have not yet gone through the troubleshooting checklist with the customer.',
      "Skipped the basic troubleshooting (restart, APN reset), didn't have time.",
    ],
    clear: [
      'Troubleshooting done: restarted phone, reset network settings, reinstalled the eSIM. No change.',
      'Customer wrote "no troubleshooting needed, just escalate", but we have completed all the steps anyway.',
      'Went through every troubleshooting step in the guide; still failing.',
      "If troubleshooting hadn't been done I wouldn't escalate, but all steps are complete.",
    ],
  },
  {
    id: 'needs_more_info',
    build: (text) =>
      makeBundle([STUCK_ESIM, agentNote(text)], { troubleshooting_done: true, port_in_info_verified: true }),
    holds: [
      'Waiting on the customer to send the IMEI and a screenshot of the error before we can go further.',
      'Need more info from customer, asked for their device model.',
      'Missing the device model and OS version; requested both from the customer.',
      "can't proceed until cx replies with the EID",
    ],
    clear: [
      'Customer has sent everything we need: IMEI, EID, screenshots, timestamps.',
      'All info collected, nothing missing.',
      'Customer asked "do you need more info from me?" and no, we have it all.',
    ],
  },
  {
    id: 'known_issue_workaround',
    build: (text) => makeBundle([STUCK_ESIM, agentNote(text)]),
    holds: [
      'This is the known iOS 17.2 eSIM issue; workaround is to toggle airplane mode and re-add the plan.',
      'Known issue KI-112 (eSIM stuck activating); documented workaround: remove the profile and re-scan the QR code.',
      'matches the known bug with esim on Pixel 8, workaround = turn off wifi calling and reboot',
      "There's a documented workaround for this (KB-204: clear the app cache); it's a known problem with app version 3.4.",
    ],
    clear: [
      'Not a known issue as far as I can tell, nothing in the KB.',
      'There is a known issue with the Android app, but it does not apply here: customer is on iOS.',
      'Checked the known issues list: no workaround available, needs engineering.',
      "If this were a known issue we'd have a workaround, but it isn't one.",
    ],
  },
  {
    id: 'only_wants_manager',
    build: (text) => makeBundle([customer(text)]),
    holds: [
      "I don't want to talk to you, get me your manager.",
      'put me through to a supervisor NOW',
      "I'd like to speak to someone more senior please, your manager ideally.",
      "Manager. Now. I'm not explaining this again.",
    ],
    clear: [
      "No need to get a manager, you've been really helpful.",
      'My manager said "call Meow and sort out the company phones", so here I am.',
      "I'm the store manager at our branch and I need to add two lines for staff.",
    ],
  },
];

describe.each(BLOCKERS)('blocker $id', ({ id, build, holds, clear }) => {
  it.each(holds)('holds: %s', (text) => {
    const decision = decide(build(text));
    expect(
      decision.blockers.some((b) => b.id === id),
      explain(decision),
    ).toBe(true);
  });

  it.each(clear)('does not hold: %s', (text) => {
    const decision = decide(build(text));
    expect(
      decision.blockers.some((b) => b.id === id),
      explain(decision),
    ).toBe(false);
  });
});

describe('the blocker tests have a rule to hold back', () => {
  it('the stuck eSIM ticket escalates on its own', () => {
    const decision = decide(makeBundle([STUCK_ESIM]));
    expect(decision.escalate).toBe(true);
    expect(fired(decision, 'esim_provisioning_stuck'), explain(decision)).toBe(true);
    expect(decision.blockers).toEqual([]);
  });

  it('a plain question escalates nothing', () => {
    const decision = decide(makeBundle([customer('How do I set up voicemail on my new phone?')]));
    expect(decision.escalate).toBe(false);
    expect(decision.reasons).toEqual([]);
  });
});
