/**
 * The vocabulary of the guide's situations: for each, the many ways customers and agents say it.
 * Patterns are matched case-insensitively against one sentence with quoted words blanked; negated and
 * hypothetical uses are dropped by the matcher (text.ts), so a pattern only says what the words are.
 */
const compile = (...sources: string[]): RegExp[] => sources.map((s) => new RegExp(s, 'gi'));

const CARRIERS = String.raw`(?:AT&T|ATT|Verizon|T-?Mobile|Sprint|US Cellular|ConnectX|Cricket|Metro ?PCS|Boost|Visible|Mint|Google Fi|Xfinity|Spectrum)`;
// Asking for a manager, not mentioning one ("my manager said", "I'm the store manager").
const MANAGER_ASK = String.raw`\b(speak|talk|speaking|talking|escalate|transfer|put me through|connect me|get me|want|need|give me|let me talk|I'?d like|bring in|get)\b[^.]{0,25}\b(to |with |a |an |your |the )?(manager|supervisor|boss|superior|someone (in charge|higher up|more senior|senior)|higher[- ]up|team lead)\b|\b(manager|supervisor),? (please|now)\b|(?<![a-z,] )\b(manager|supervisor)[.!]+(\s*(now|please)\b|\s*$)`;
const CX = String.raw`(?:cx|customer|caller|client|subscriber|member|user|he|she|they)`;

export const PHRASES = {
  // --- Legal --------------------------------------------------------------------------------------------
  legalThreat: compile(
    String.raw`\b(sue|suing|sued)\b`,
    String.raw`\blaw ?suits?\b|\bfile (a )?suit\b|\bsuit against\b`,
    String.raw`\b(my|our|a|the) (lawyer|laywer|attorn[a-z]*|solicitor|legal team|legal counsel|counsel)s?\b`,
    String.raw`\b(get|getting|involve|involving|call|calling|contact|contacting|hire|hiring|retain|consult|speak to)( a| my| our)? (lawyer|laywer|attorn[a-z]*|solicitor)s?\b`,
    String.raw`\blegal action\b|\btake (you|this|meow|them|it) to court\b|\bsmall claims\b|\bclass action\b|\bsee you in court\b|\blitigation\b|\bbreach of (our|the|my) (service )?(agreement|contract)\b`,
  ),
  legalRequest: compile(
    String.raw`\bsubpoena`,
    String.raw`\bcourt order\b|\bsearch warrant\b|\bwarrant for\b|\blegal process\b|\bcustodian of records\b|\bpreservation (letter|request|order)\b`,
    String.raw`\blaw enforcement (request|agency|officer|inquiry)\b|\b(police|detective|sheriff|officer)\b[^.]{0,40}\b(request|records|information)\b`,
    String.raw`\b(GDPR|CCPA|CPRA)\b[^.?]{0,60}\b(request|delete|erase|access|copy|export|answer|respond)|\b(request|delete|erase|copy|export)\b[^.?]{0,60}\b(GDPR|CCPA|CPRA)\b`,
    String.raw`\bdata subject (access )?request\b|\bsubject access request\b|\bD?SAR\b|\bright to (access|erasure|be forgotten|delete)\b|\ball (the )?(personal )?data (you|u) (hold|have|keep|store)\b`,
    String.raw`\b(call detail records|CDRs?|subscriber (records|information))\b|\b(active|criminal|ongoing|police) investigation\b|\bpolice department\b|\bdetective\b`,
    String.raw`\b(delete|erase|remove) (all )?(of )?my (personal )?(data|information|records)\b|\b(copy|export) of (all )?(the )?(my )?(personal )?(data|information) (you|meow) (hold|have|keep|store)`,
    String.raw`\b(complaint|filing) (with|to) (the )?(FCC|CPUC|attorney general|BBB|better business bureau|regulator|ombudsman|public utilit\w+ commission)\b`,
    String.raw`\b(FCC|FTC|CPUC|attorney general|regulator|regulatory)\b[^.]{0,40}\b(complaint|inquiry|request|filing|notice)\b|\bcompliance (request|inquiry|review)\b|\bdiscovery request\b|\bdeposition\b|\bsummons\b`,
  ),
  deadline: compile(
    String.raw`\b(deadline|due (by|on|date)|response due|respond (by|within|no later)|on or before|no later than|production (date|deadline)|within \d+ (business |calendar )?days)\b`,
    String.raw`\b(by|before|no later than|until|due) (\d{1,2}(:\d{2})? ?(am|pm) (on )?)?(the )?(\d{1,2}(st|nd|rd|th)? (of )?(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?) \d{1,2}|\d{1,2}[/.-]\d{1,2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
    String.raw`\b(have|has|get|gets) (\d+|one|two|three|thirty|fourteen|ten) (calendar |business )?(days?|weeks?|months?) to (answer|respond|reply|comply|produce|provide)\b`,
  ),

  // --- Path 5: urgent -------------------------------------------------------------------------------------
  media: compile(
    String.raw`\b(reporter|journalist|correspondent|editor|producer|columnist|blogger) (with|at|for|from)\b`,
    String.raw`\b(I'?m|I am|as) an? (reporter|journalist|correspondent|columnist)\b`,
    String.raw`\b(press|media|news) (inquiry|enquiry|request|question)s?\b|\bjourno\b|\bfreelance (writer|journalist|reporter)\b|\bI write for\b|\bchannel \d+( news)?\b|\bnews (desk|team|station)\b`,
    String.raw`\b(doing|running|writing|working on|filing) (a|an|my|our) (piece|story|article|segment|feature|report)\b|\b(article|story|piece|segment) (about|on) \b[^.]{0,60}\b(comment|quote|response|statement)\b|\b(give|get) (me |us )?a quote\b|\bhave a comment\b|\bfor comment\b|\bmeow( mobile)?'s (response|comment|statement)\b`,
    String.raw`\b(working on|writing|researching|preparing) (a|an) (story|article|piece|report|segment|feature)\b`,
    String.raw`\b(comment|statement) (for|on) (a|an|our|my|the) (story|article|piece|segment|report|publication)\b|\bon the record\b|\b(request|requesting|ask for|asking for) (a )?(comment|statement) from meow\b|\bfiling (on|by|thursday|monday|tuesday|wednesday|friday|tonight|tomorrow)\b`,
  ),
  executiveRole: compile(
    String.raw`\b(I'?m|I am|as) (the )?(CEO|COO|CFO|CTO|CIO|president|founder|co-founder|owner|managing director|general counsel|vice president|VP|chief [a-z]+ officer|head of [a-z]+|director of [a-z]+) (of|at|for)\b`,
    String.raw`\b(copied|cc'?d?|cc'?ing|forwarded|escalated to|wrote to|letter to|emailed) (to )?(your|the) (CEO|president|founder|board|executive team|executives)\b`,
    String.raw`\boffice of the (CEO|president)\b|\bexec(utive)? (office|complaint|escalation)\b`,
    String.raw`\b(CEO|COO|CFO|CTO|CIO|VP|vice president|SVP|EVP|founder|chief [a-z]+ officer|managing director|general counsel|head of [a-z]+|director of [a-z]+)( of [a-z]+)? (at|of|for) (?!the (app|line|phone|account))[a-z]+`,
  ),
  complaint: compile(
    String.raw`\bcomplain|\bformal complaint\b|\bunacceptable\b|\bappall|\boutrage|\bdisgrace|\bfurious\b|\bdissatisfied\b|\bunhappy\b|\b(terrible|poor|awful|shocking) (service|support|handling)\b`,
    String.raw`\b(nobody|no one) (has|called|responded|replied|got back|followed up|helped)\b|\blet (me|us) down\b|\bhung up on (me|us)\b|\b(I|we) expect(ed)? better\b|\bbroken promises?\b`,
  ),
  safetyRisk: compile(
    String.raw`\b(in|facing) (immediate |real )?danger\b|\bnot safe\b|\bunsafe\b|\bfear(s|ed|ing)? for (my|her|his|their|our) (life|lives|safety)\b`,
    String.raw`\b(scared|afraid|terrified|frightened)\b[^.]{0,60}\b(he|she|they|him|her|them|hurt|kill|find me|track|follow)`,
    String.raw`\bthreaten(ed|ing|s)? to (hurt|kill|harm|find)\b|\b(protective|restraining) order\b|\bdomestic (violence|abuse)\b`,
    String.raw`\b(stalk|stalking|stalker|stalked)\b|\btracking (my|her|his) (phone|location|whereabouts|movements)\b`,
    String.raw`\b(can'?t|cannot|couldn'?t|unable to|failed to) (call|reach|dial|get through to) (911|999|112|emergency services|an ambulance|the police|the fire department)\b|\b(911|999|112|emergency services?|emergency calls?)\b[^.]{0,30}\b(aren'?t|isn'?t|won'?t|doesn'?t|don'?t|didn'?t|not|never|failed|fails|failing)\b`,
    String.raw`\b(daughter|son|child|kid|teen|teenager|mother|father|mom|mum|dad|wife|husband|grandma|grandpa|grandmother|grandfather|sister|brother) (is|has gone|went|has been|was) missing\b|\bbreak(ing)? into (my|our) (house|home|apartment|flat|car)\b|\bbreak-?in\b|\bintruder\b`,
    String.raw`\b(don'?t|dont|do not) want to (be here|live|be alive|go on) anymore\b|\bend (it all|my life)\b|\bthe pills\b|\boverdose\b`,
    String.raw`\bsuicid|\bself[- ]harm\b|\bkill (myself|himself|herself)\b|\bmedical emergency\b|\blife[- ]threatening\b`,
    String.raw`\b(immediate |urgent |serious )?safety (risk|concern|threat|emergency)\b|\b(life|lives) (at risk|in danger)\b|\bexigent\b|\bwelfare check\b|\bkidnap|\babduct`,
    String.raw`\bmissing (child|minor|person|daughter|son|teen|teenager|kid|girl|boy)\b|\b(didn'?t|did not|hasn'?t|has not|never) (come|came) home\b|\bpolice (are |is )?(on (their|the) way|on scene|here|involved|at my)\b`,
  ),

  // --- Trust & Safety -------------------------------------------------------------------------------------
  securityIncident: compile(
    String.raw`\bdata (breach|leak)|\bsecurity (breach|incident|hole|vulnerability|flaw)\b|\bbeen breached\b|\bwas breached\b|\bleak(ed|ing)? (my |our |customer |personal )?(data|info|information|details)\b`,
    String.raw`\b(someone|somebody|another person|a stranger|other people|a different person) ?(else)?'?s? (account|data|info|information|name|details|call history|bill|address|personal)`,
    String.raw`\bother (customers?|subscribers?|users?|people|members?)'?s?'? (personal |private )?(data|info|information|details|PII|accounts?|call logs?|names?)\b`,
    String.raw`\b(exposed|exposing|exposure of|leaking) (personal|customer|subscriber|private|other)? ?(data|information|PII|details)\b|\b(customers?|subscribers?)'? (data|PII) (exposed|visible|leaked)\b`,
    String.raw`\bprivacy (breach|problem|issue|violation|incident)\b|\bleaked (database|data|list|dump|records)\b|\b(your|meow'?s?|the company'?s?) (systems?|servers?|database|databases|network) (were|was|has been|have been|got) (breached|hacked|compromised)\b`,
    String.raw`\banother (subscriber|customer|user|member|person|account holder)'?s (full )?(name|account|data|info|information|details|address|card|call)`,
  ),
  accountTakeover: compile(
    String.raw`\baccount take-?over\b|\bATO\b`,
    String.raw`\b(got|get|gotten|broke|broken|hacked|logged) into my (meow )?(account|line|profile)\b|\b(my )?(account|line|phone number|number) (was|has been|got) (hacked|hijacked|compromised|taken over|stolen)\b|\bhacked\b`,
    String.raw`\b(someone|somebody|he|she|they|a stranger)( else)? (changed|reset|updated) (the|my) (email|e-mail|password|PIN|login|passcode)\b|\bchanged the (email|password|PIN) on (it|my account)\b`,
    String.raw`\b(unauthori[sz]ed|unknown|suspicious) (access|login|log-in|sign-?in|SIM swap|port[- ]?out|device)\b|\blogin (email )?changed\b[^.]{0,40}\bunknown\b`,
    String.raw`\b(SIM swap|port[- ]?out|number transfer)[^.]{0,40}\b(I|we) (didn'?t|did not|never) (request|authori[sz]e|ask for|make)`,
    String.raw`\b(didn'?t|didnt|did not|never) (request|authori[sz]e|ask for|make|order) (a |the |any )?(SIM swap|sim change|port|port-?out|number transfer|transfer)\b|\bsomeone else has my (number|line|account|phone number)\b`,
    String.raw`\b(ported|port(ed)? out|transferred|moved|swapped|taken)\b[^.]{0,60}\bwithout my (permission|consent|knowledge|authori[sz]ation)\b|\bhijack(ed|ing)?\b`,
    String.raw`\b(someone|somebody|a person|a stranger|an unknown person|he|she|they)\b[^.]{0,30}\b(reset|changed) my (password|PIN|email|passcode|login|account)\b`,
  ),
  harassment: compile(
    String.raw`\bhar+as+(ed|es|ing|ment)?\b|\bcyber-?bull|\bbully(ing)?\b|\b(won'?t|wont|will not) stop (texting|calling|messaging|contacting)\b`,
    String.raw`\babusive (ex|partner|husband|wife|boyfriend|girlfriend|messages|texts|calls|caller)\b`,
    String.raw`\bthreatening (messages|texts|calls|voicemails)\b|\bkeeps (calling|texting|messaging) me\b[^.]{0,40}\b(block|stop|threat|scared|won'?t stop)`,
  ),
  identityTheft: compile(
    String.raw`\bidentity (theft|thief|fraud)\b|\bstole my identity\b|\bstolen identity\b|\bidentity (was|has been|got) stolen\b`,
    String.raw`\b(opened|open|activated|started|took out|set up|signed up for|registered)(?<!\b(I|we) (opened|open|activated|started|took out|set up|signed up for|registered)) ([a-z0-9]+ )?(new )?(lines?|accounts?|phones?|plans?|services?)[^.]{0,20}\b(in|under|using) my name\b`,
    String.raw`\b(registered|opened) (to|in the name of|under) me\b[^.]{0,40}\b(didn'?t|did not|never|without)\b|\bthat I (never|didn'?t|did not) (open|opened|sign up for|signed up for|create|created|authori[sz]e)\b`,
    String.raw`\b(accounts?|lines?) (under|using) my (SSN|social security( number)?)\b|\b(accounts?|lines?) (that )?I (never|didn'?t|did not) (open|opened|sign up for|signed up for|create|created|authori[sz]e)\b|\bI (never|didn'?t|did not) (open|opened|sign up for|signed up for|create|created) (a |an |any |this |that )?(meow )?(account|line)`,
    String.raw`\b(using|used) my (SSN|social security|identity|name and|personal (info|details)|details|driving licen[cs]e|driver'?s licen[cs]e|passport|ID) to (open|sign up|register|get|buy|order)|\bpretending to be me\b|\bimpersonat`,
  ),
  fraud: compile(
    String.raw`\bfraud(ulent|ster)?\b|\bscam(med|mer|mers)?\b|\bphishing\b`,
    String.raw`\bchargebacks?\b|\bSIM farm\b|\bstolen (credit |debit )?card\b|\bcard (was|got|has been) stolen\b|\bsynthetic (identity|account)\b`,
  ),
  aupViolation: compile(
    String.raw`\b(AUP|acceptable[- ]use( policy)?)\b[^.]{0,50}\b(warning|violation|violated|breach|notice|flag|flagged|strike|review)\b|\b(warning|violation|violated|breach|notice|flagged|strike)\b[^.]{0,50}\b(AUP|acceptable[- ]use)\b|\bterms of (service|use) (violation|breach)\b|\bToS violation\b`,
    String.raw`\b(sending|sent|send|sends) (bulk|mass|spam|thousands of) (texts|sms|messages|calls)\b|\brobocall(ing|er)?\b|\breselling (lines|service|data)\b`,
  ),
  suspended: compile(
    String.raw`\b(line|account|service|number|phone|sim)s? (was|is|has been|got|been|were|are)? ?(suspended|deactivated|disabled|shut off|cut off|blocked|terminated|restricted|frozen)\b`,
    String.raw`\bsuspen(ded|sion)\b`,
  ),
  appeal: compile(
    String.raw`\bappeal|\bdispute (this|the|it|my)\b|\brequest(ing)? a review\b`,
    String.raw`\b(reinstate|restore|reactivate|unsuspend|unblock|unfreeze|lift)\b`,
    String.raw`\bturn (it|my line|my service|my account|my phone|my number) back on\b|\b(back on|switched back on)\b`,
    String.raw`\b(haven'?t|have not|never|didn'?t|did not) (done|did) anything wrong\b|\bdid nothing wrong\b|\bwrongly (suspended|flagged|blocked)\b|\b(review|reconsider) (my|the) (account|suspension|case|decision)\b`,
  ),
  nonPayment: compile(
    String.raw`\bnon-?payment\b|\bpast due\b|\boverdue\b|\bunpaid\b|\bmissed (a |my )?payments?\b|\blate payment\b|\bpayment (failed|declined|didn'?t go through)\b`,
  ),

  // --- Network and carrier --------------------------------------------------------------------------------
  outage: compile(
    String.raw`\boutages?\b|\bno (cell )?(service|signal|coverage|bars|network)\b|\bSOS only\b|\bemergency calls only\b`,
    String.raw`\b(network|service|cell service|signal|towers?|data) (is |are |went |has gone |seems )?(all )?(down|out)\b`,
    String.raw`\b(can'?t|cannot|unable to|couldn'?t) (make|place|receive|get|send) (any )?(calls|texts|phone calls)\b`,
    String.raw`\b(lost|losing|lose|without|dropped) (all )?(service|signal|coverage|network|connectivity)\b`,
  ),
  multipleUsers: compile(
    String.raw`\b(nobody|no one|none of us|everyone|everybody|all of us) (in|on|at|around) (our|my|the) (building|office|street|block|area|neighbou?rhood|town|house|floor)\b|\bneighbou?rs?\b|\beveryone (in|on|around|near|at)\b|\b(whole|entire) (area|neighbou?rhood|town|city|building|street|block|office|region)\b`,
    String.raw`\b(other|multiple|several|many|lots of|a lot of|a bunch of|dozens of|hundreds of|\d+) (other )?(similar |no[- ]service |outage )?(customers|subscribers|users|people|tickets|reports|callers|accounts|lines)\b`,
    String.raw`\bmy (husband|wife|partner|spouse|family|son|daughter|kids|roommate|coworkers?|colleagues?)'?s?\b[^.]{0,30}\b(too|as well|also|phones?|lines?)\b|\b(both|all) (of )?(our|my|the) (phones|lines|devices)\b`,
    String.raw`\b(area-?wide|widespread|system-?wide|region-?wide|affects multiple|affecting multiple|mass outage)\b|\breports from other\b`,
  ),
  affectedCount: compile(
    String.raw`\b(\d+) (other |more )?(similar |no[- ]service |outage |related )?(tickets|reports|customers|subscribers|users|callers|complaints)\b`,
  ),
  portInContext: compile(
    String.raw`\bport(ing|ed|-in| in| request|ability)?\b|\bnumber transfer\b|\btransfer (my|the|your) number\b|\bPRQ-?\d+`,
  ),
  rejection: compile(String.raw`\b(reject(ed|ion|s)?|declin(ed|es)|denied|bounced|refused|failed)\b`),
  portVerified: compile(
    String.raw`\b(acct|account)( #| number| no\.?| num)?[^.]{0,30}\b(match|matches|matched|verified|confirmed|correct)\b`,
    String.raw`\b(all|details|info|information|everything|PIN|NTP|zip|name)s? (are |is |was |were )?(all )?(verified|confirmed|correct|match|matches)\b`,
    String.raw`\bverified (w/|with) (cx|customer|the customer|the old carrier|${CARRIERS})\b|\b(cx|customer) confirmed (w/|with) ${CARRIERS}\b`,
  ),
  numberNotReleasing: compile(
    String.raw`\b(won'?t|will not|refus\w* to|not|hasn'?t|has not|haven'?t)\s+(releas\w*|let go of|give up)\b[^.]{0,30}\b(number|line)\b`,
    String.raw`\b(number|line) (is )?(still )?(stuck|locked|held) (with|at|on|by)\b|\bnumber lock\b|\bport[- ]?out (block|lock|freeze)\b|\bnot releas(ing|ed)\b`,
    String.raw`\brefus\w* to (release|let (my|the) (number|line) go|let go of)\b|\blet (my|the) number go\b|\bport (is )?(stuck|held up|blocked) (on|at) (their|the old carrier'?s?|the other carrier'?s?|the losing carrier'?s?) (side|end)\b|\b(blocking|blocked|holding up|holding) (the )?(transfer|port|release) of (my|the) (number|line)\b`,
  ),
  carrierActivationRejected: compile(
    String.raw`\b(rejected|refused|denied|declined|blocked) by (the )?(carrier|network|${CARRIERS})\b(?<=\b(activation|activate|SIM|eSIM)\b[^.]{0,90})`,
    String.raw`\b(carrier|network|${CARRIERS}) (keeps |kept )?(rejected|rejecting|refused|refusing|denied|denying|declined|declining|won'?t accept) (the |my |our )?(SIM|eSIM|activation|ICCID|IMEI|device)\b`,
  ),
  carrierProvisioning: compile(
    String.raw`\b(provisioning|provision)\b[^.]{0,40}\b(carrier|network)[- ]side\b|\bcarrier[- ]side (provisioning|failure|error|issue|problem)\b`,
    String.raw`\bprovision(?<=\b(carrier|${CARRIERS}) (hasn'?t|has not|didn'?t|did not|failed to|never) provision)`,
    String.raw`\b(HLR|HSS|CSR) (error|failure|mismatch|not updated)\b`,
  ),

  // --- Engineering ----------------------------------------------------------------------------------------
  esimStuck: compile(
    String.raw`\be-?SIM\b[^.]{0,60}\b(stuck|pending|hung|hanging|fail|failed|failing|fails|error|won'?t (activate|download|install)|unable to (activate|download|install)|not (activating|activated|downloading|installing))`,
    String.raw`\b(provisioning|profile download|profile install|activation)\b[^.]{0,20}\b(stuck|pending|hung|hanging|timed out|never completes|never finished)\b`,
    String.raw`\b(stuck|hung|hanging) (in|on|at) (provisioning|activating|activation|pending)\b|\bprovisioning in progress\b|\bstill (showing|says|saying|stuck on|at|on) .{0,3}(provisioning|activating|pending)\b`,
    String.raw`\be-?SIM\b[^.]{0,40}\b(download|activation|install|provisioning)\w* (never|doesn'?t|won'?t|didn'?t) (finish|finishes|complete|completes|end|ends)\b`,
  ),
  simSwapFailing: compile(
    String.raw`\b(SIM (swap|change|replacement)|swap(ping)? (the |my |his |her )?SIM|replacement SIM|new SIM)\b[^.]{0,100}\b(fail|failed|fails|failing|error|won'?t|didn'?t|not (work|go through|complete|activate)|stuck|rejected)`,
    String.raw`\b(SIM )?(swap|SIM change)( job)?s? (keeps|kept|is|was|has been)? ?(failing|failed|erroring|timing out|timed out)\b`,
  ),
  repeated: compile(
    String.raw`\b(again|every time|each time|keeps|kept|repeatedly|multiple times|several times|twice|three times|\d+ ?times|\d+x|still|over and over|each attempt|every attempt)\b`,
  ),
  apiError: compile(
    String.raw`\b(API|endpoint|server|backend|internal server|gateway|service) error\b|\bHTTP ?5\d\d\b|\b5\d\d (error|response|status|internal)\b|\breturns? (a |an )?(HTTP )?5\d\d\b`,
    String.raw`\b(POST|GET|PUT|PATCH|DELETE) /[\w/{}.-]+`,
    String.raw`\bERR_[A-Z0-9_]+\b|\berror (code )?#?[A-Z]*-?\d{3,}\b|\b(err|error) code\b|\bcode [A-Z]*-?\d{3,}\b|\binternal server error\b`,
  ),
  dataInconsistency: compile(
    String.raw`\bdata inconsisten|\binconsistent (data|records|information)\b|\bout of sync\b|\bmismatch(ed)? between\b|\b(don'?t|do not|doesn'?t|does not) match (between|across)\b`,
    String.raw`\b(systems|records|databases|tools) (disagree|conflict|don'?t agree|do not agree|show different)\b|\b(never|didn'?t|did not|failed to) (sync|synced|propagate|propagated)\b|\bsync (issue|error|failure|problem)\b`,
    String.raw`\b(app|billing|portal|admin tool|system|account|website|site|invoice|bill|statement|dashboard)( page| tool| system| portal| screen)?s? (still )?(shows?|says?|showing|lists?|has|displays?) [^.]{0,60}\b(but|while|whereas)\b[^.]{0,15}\b(app|billing|portal|admin tool|system|account|website|site|invoice|bill|statement|dashboard|it)( page| tool| system| portal| screen)?s? (still )?(shows?|says?|showing|lists?|has|displays?)\b`,
  ),

  appCrash: compile(
    String.raw`\b(app|application)\b[^.]{0,40}\b(crash|crashes|crashed|crashing|force[- ]?closes?|keeps closing|closes itself|freezes|froze|freezing)\b`,
    String.raw`\bcrash(es|ed|ing)? (when|whenever|every time|each time|as soon as|on launch|at login|during)\b`,
  ),
  blocking: compile(
    String.raw`\b(can'?t|cannot|unable to|couldn'?t|won'?t let me|not able to|no way to|impossible to|stops me from|prevents? me from|blocking me)\b`,
  ),
  bugIdentified: compile(
    String.raw`\b(backend|back-end|system|server|platform|software|app|api) (bug|defect|error|fault)\b`,
    String.raw`\bbug\b|\bdefect\b|\bregression\b|\broot cause\b`,
    String.raw`\b(repro'?d|reproduced|can reproduce|able to reproduce|reproducible)\b`,
    String.raw`\bnot (a |the )?(cx|customer|user|device)('s)? (device|error|issue|fault|problem|side)\b|\bon our (end|side)\b`,
    String.raw`\bengineering (issue|problem|bug)\b|\bneeds (dev|devs|engineering|eng|the backend team)\b`,
  ),

  // --- L2 paths ---------------------------------------------------------------------------------------------
  billingDispute: compile(
    String.raw`\bover-?charg|\bover-?bill|\bbilled (incorrectly|wrong|twice|at (the )?(wrong|consumer))|\bdouble[- ]?(billed|charged)\b|\bcharged twice\b`,
    String.raw`\b(wrong|incorrect|higher) (rate|price|plan|amount|charge|invoice|bill)s?\b|\bbilling (error|mistake|dispute)\b|\bdisput(e|ed|ing)\b|\b(contracted|agreed|promised|quoted) (price|pricing|rate)s?\b|\brated (incorrectly|at)\b|\bconsumer rates\b`,
  ),
  multipleCycles: compile(
    String.raw`\b(months|invoices|bills|billing cycles|statements)\b(?<=\b(\d+|two|three|four|five|six|several|multiple) (months|invoices|bills|billing cycles|statements))|\bevery month\b|\bsince (january|february|march|april|may|june|july|august|september|october|november|december)\b`,
  ),
  accountException: compile(
    String.raw`\bexception\b(?<=\b(make|making|need|needs|request|requests|requested|requesting|grant|approve) (an |a |account )?exception)|\bexception (needed|required|request|approval|to keep|for)\b|\baccount exception\b`,
    String.raw`\bwaive|\bwaiver\b|\bone[- ]time (credit|courtesy|exception)\b|\bcourtesy credit\b|\bgoodwill (credit|gesture)\b`,
    String.raw`\b(outside|against|beyond) (our |the )?(policy|policies)\b|\bpolicy (doesn'?t|does not|won'?t) allow\b|\b(override|special approval|special arrangement)\b`,
  ),
  retention: compile(
    String.raw`\bcancel(l?ing)? (my|the|our|this)? ?(service|account|line|lines|plan|subscription|contract)\b|\bwant to cancel\b|\bport[- ]?out (PIN|number|code)\b|\b(moving|transferring|taking|porting|switching) my (number|line|lines|service) to\b`,
    String.raw`\bswitch(ing)? (to another|carriers|providers|to (${CARRIERS}))\b|\b(leave|leaving|quit|quitting) (meow|you guys|your service)\b|\bport(ing)? (my (number|numbers|lines) )?out\b|\bclose my account\b|\btake my business elsewhere\b|\b(${CARRIERS}|another carrier)\b(?<=\b(going|go|moving) (back )?to (${CARRIERS}|another carrier))|\bdone with (meow|you)\b`,
  ),

  // --- Whether the problem is still there --------------------------------------------------------------------
  resolved: compile(
    String.raw`\b(it|that|this|everything|all|which|that's what|that one) (did it|did the trick|worked|works|is working|fixed it|solved it|sorted it|went through)\b`,
    String.raw`\b(working|works|forwarding|sending|opens|loads|activated|connected|shows up|went through) (now|again|fine|perfectly|normally|properly)\b|\b(it|data|calls?|texts?) (works|is working) (now|again)\b`,
    String.raw`\ball (good|set|sorted|fixed)\b|\bproblem solved\b|\bissue (is |was |has been )?(resolved|fixed|gone)\b|\bback to normal\b|\bnvm\b|\bnever ?mind\b|\b(I'?m|I am|we'?re) (back )?in\b[.!,]`,
    String.raw`(^|[.;,]\s*)(resolved|fixed|solved)\b|\b(is|was|now|got|all) (resolved|fixed|sorted)\b|\b(port|swap|transfer|activation|install|change) (completed|went through|succeeded)\b|\bno mismatch\b|\bnot a bug\b|\btest call (OK|went through|forwarded OK|connected)\b`,
  ),
  persists: compile(
    String.raw`\bstill\b|\bsame (error|thing|problem|issue|result|message)\b|\b(exactly )?(like|as) before\b|\bno change\b|\bnothing (changed|worked|works|helped|has worked)\b|\bnothing you'?ve\b`,
    String.raw`\b(didn'?t|did not|doesn'?t|does not) (help|work|fix|change)\b|\bnot (working|fixed|resolved)\b|\bkeeps? (failing|happening|crashing|dropping)\b|\bany (news|update)\b|\bagain\b`,
  ),

  // --- Guards ----------------------------------------------------------------------------------------------
  troubleshootingDone: compile(
    String.raw`\b(all|every) (L1 |the |basic |available |applicable |single )*(TS|troubleshooting|steps?|options)( steps)? (is |are |was |were |has been |have been )?(exhausted|done|complete|completed|tried|finished)\b`,
    String.raw`\b(TS|troubleshooting) (is |was |has been )?(complete|completed|done|exhausted|finished)\b`,
    String.raw`\bexhausted (all )?(L1 |the |our )?(TS|troubleshooting|options|steps)\b|\btried (everything|all (the |of the )?(steps|troubleshooting|options))\b|\bnothing (else )?(left )?to try\b|\bout of (TS|troubleshooting) (steps|options)\b`,
  ),
  troubleshootingNotDone: compile(
    String.raw`\b(haven'?t|have not|hasn'?t|has not|didn'?t|did not|couldn'?t|could not|not yet|no)( been able to)?( (run|done|do|tried|try|started|start|completed|complete|gone through|had a chance to (run|do|try)))?( any| the)? (TS|troubleshooting)\b`,
    String.raw`\bskipp?(ed|ing)? (the )?(basic |standard |usual )?(TS|troubleshooting)\b|\b(TS|troubleshooting) (skipped|pending|outstanding)\b`,
    String.raw`\b(TS|troubleshooting) (not|hasn'?t been|has not been|wasn'?t|was not|not yet) (done|started|run|tried|completed|possible)\b|\bbefore (any|doing any|running any) (TS|troubleshooting)\b|\bstill need to (run|do|try|go through) (the )?(TS|troubleshooting|basic steps|basics)\b`,
  ),
  infoNeeded: compile(
    String.raw`\b(still )?(need|needs|needed|missing|waiting on|waiting for|awaiting|require|requires)\b[^.]{3,120}?\bfrom (the )?${CX}\b`,
    String.raw`\b(asked|asking) (the )?${CX} (for|to send|to provide|to confirm)\b`,
    String.raw`\bpending (info|information|details) from\b|\b(waiting (on|for)|awaiting|need|needs|still need) (the )?${CX} to (send|provide|confirm|share|reply|upload)\b|\bcan'?t (proceed|go further|continue|move forward) (until|without)\b`,
  ),
  knownIssue: compile(
    String.raw`\bknown\b[^;!?]{0,30}?\b(issue|bug|problem|defect|outage)\b|\bKB-?\d+\b|\bdocumented (workaround|fix)\b|\bknowledge base article\b|\bhelp center article\b`,
  ),
  workaround: compile(
    String.raw`\bworkaround\b|\b(quick|simple|easy) fix\b|\bthere'?s a fix\b|\bKB-?\d+\b|\bsteps? (to fix|that fix)`,
  ),
  ownTools: compile(
    String.raw`\b(can|could|able to|will) (refund|credit|fix|reset|resolve|waive|reverse|adjust|resend|re-send|remove|correct)\b[^.]{0,50}\b(from|in|with|using|via) (the |my |our )?(billing|admin|account|self-serve|agent)? ?(tool|portal|system|console|dashboard)\b`,
    String.raw`\b(I'?m|I am|we'?re|we are) able to (refund|credit|fix|resolve|reverse|remove|correct)\b|\b(I|we) can (refund|credit|fix|resolve|reverse|remove|correct) (it|this|that|the charge)\b|\bcan (refund|credit) from\b`,
  ),
  escalationDemand: compile(
    String.raw`\bescalat`,
    String.raw`${MANAGER_ASK}`,
    String.raw`\b(send|pass|forward|give|bump|take) (this|it) (to|up to) (your|the|a) (engineers?|tech(nical)?( team| support)?|developers|devs|engineering|IT)\b|\b(should|needs to|must) go to (engineering|tech|your engineers|the tech team)\b`,
    String.raw`\b(get|put|transfer|connect) me (to |through to |with )?(someone|somebody|a person|a human)( else)? (who|that) can\b`,
  ),
  managerRequest: compile(String.raw`${MANAGER_ASK}`),
  onlyWantsManager: compile(
    String.raw`\b(only|just|simply) (wants?|asking for|asks for|demands?)\b[^.]{0,30}\b(manager|supervisor)\b`,
    String.raw`\b(only|just) (wants?|asking for|asks for|demands?) (a |to speak to a |to talk to a |to speak with a )?(manager|supervisor)\b`,
    String.raw`\binsist(s|ed|ing)? on (a |speaking to a |talking to a )?(manager|supervisor)\b|\brefus(es|ed|ing) to (talk|deal|speak|work) (to|with) (me|anyone|us)\b`,
  ),
  engineeringWords: compile(
    String.raw`\b(engineer|engineers|engineering|tech team|technical team|developers|devs|tech support|IT team)\b`,
  ),

  // --- Sentiment ------------------------------------------------------------------------------------------
  angry: compile(
    String.raw`\b(furious|livid|outraged|enraged|angry|pissed|irate|seething)\b|\bfed up\b|\bbeyond (frustrated|furious|angry|upset)\b`,
    String.raw`\b(unacceptable|ridiculous|absurd|disgusting|disgraceful|pathetic|incompetent|useless|worst)\b|\bsick (and tired )?of\b|\b(had|have had) (it|enough)\b`,
  ),
  shouting: [/!{2,}|\?!|!\?/g],
  frustrated: compile(
    String.raw`\bfrustrat|\bannoy|\bdisappoint|\bupset\b|\bruna?round\b|\bwaste of (my )?time\b|\btired of\b|\bstill (nothing|not|no|doesn'?t|can'?t|waiting|broken)\b|\bgetting ridiculous\b`,
    String.raw`\bhow (long|many times)\b|\bkeep (having|getting|being)\b|\b(nobody|no one) (has|is|will|ever)\b|\byet again\b|\bagain and again\b|\bwith no explanation\b|\bI don'?t understand (why|what)\b|\bplease just\b|\b(days|weeks) (now|already|and)\b|\bcan'?t believe\b`,
  ),
  understanding: compile(
    String.raw`\b(thank you|thanks|thx|appreciate|grateful)\b|\bno (rush|worries|problem)\b|\bI (understand|get it)\b|\bunderstandable\b|\btake your time\b`,
  ),
} as const;

export type PhraseKey = keyof typeof PHRASES;
