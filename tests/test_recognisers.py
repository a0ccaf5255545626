"""The recognisers of analysis/ on tiny sentences written for these tests (none from the corpus):
what each must find, and the near-misses it must not."""
from __future__ import annotations

import tomllib

import pytest

from cta_lint.analysis import hedges, needs
from cta_lint.analysis.asks import EXPLICIT, AskDetector
from cta_lint.analysis.words import forms
from cta_lint.phrases import normalise
from cta_lint.registry import Registry

from conftest import ROOT

LEX = Registry([]).lexicon
DET = AskDetector(LEX)


def kind(sentence: str) -> str | None:
    c = DET.classify_sentence(sentence, 0, len(sentence))
    return c.kind if c is not None else None


ASKS = [
    # imperatives of a commercial step, with their object or mechanism
    "Renew your membership before March 1.",
    "Grab your seat before Friday.",
    "Start your 14-day free trial.",
    "Get 20% off with code SPRING20.",
    "Use code SAVE10 at checkout.",
    "Place your order by midnight.",
    "Join us for our live webinar on May 3.",
    "Book a demo with our team.",
    "Talk to sales.",
    "Chip in $5 to keep us going.",
    "Support us on Patreon.",
    "Give monthly.",
    "Become a monthly donor.",
    "Download the free guide.",
    "Let's set up a time to talk.",
    "RSVP by Friday.",
    "P.S. Reserve a table for Friday.",
    # contact verbs with a mechanism or a commercial purpose
    "Text JOIN to 55555 to get 10% off your next order.",
    "Call Acme Plumbing at 555-0100 to book a visit.",
    "Reply YES and I'll send the contract over.",
    "Reply to this email to book your slot.",
    # invitation frames
    "You can upgrade at any time from your dashboard.",
    "We kindly ask you to renew your membership.",
    "It's time to book your spot.",
    "Why not start your free trial today?",
    "I'd love to show you a quick demo.",
    "If you're interested, feel free to book a call with me.",
    # gerunds after a frame that proposes them
    "Consider donating to keep the project alive.",
    "Interested in joining the beta?",
    # questions that propose a step
    "Want early access?",
    "Open to a quick 15-minute call next week?",
    "Do you have 20 minutes on Thursday for a demo?",
    "How about a quick call on Friday?",
    # impersonal asks
    "Donations of any size are welcome.",
    "Registration is now open.",
    "Tickets are going fast.",
    "Your gift of $25 will feed a family.",
    # scheduling English
    "Let me know when you're free for a call.",
    # donation appeals, abandoned carts, trial ends, launches
    "Please give what you can.",
    "Help us reach our goal by donating now.",
    "Your donation today will be doubled.",
    "Your items are waiting in your cart.",
    "Keep your Pro features for $9/month.",
    "Add a payment method to continue using Ledgerly.",
    "Pre-orders are open now.",
    "Available now on Amazon and at your local bookstore.",
    "Shall I send you the proposal?",
    "Try Notion free for 30 days.",
    "Deploy Atomic CRM on your own infrastructure in minutes.",
    # the seller offering the step, or the reader's step finished
    "Happy to set up a quick call next week.",
    "We'd be glad to send you a quote for the whole team.",
    "I can walk you through a demo on Tuesday.",
    "You may want to lock in this year's price before it goes up.",
    "You can finish checking out in one click.",
    "Text me a time that works and I'll book your fitting.",
    "A $50 deposit holds your place.",
    # a price or a rate with decimals is not a software version
    "Renew your domain today for just $14.95.",
    "Get 2.5% off every order this week.",
    # the means of the step right after its verb
    "You can resubscribe by clicking the link below.",
    # a means of payment as the object of update / fix / change
    "Please update your billing information to keep your plan.",
    "Fix your card details in the dashboard.",
    "Change your payment method before Friday.",
    # a quoted keyword to send back; "get started" (LABELING's own example of an ask)
    "Curious? Reply 'yes' and I'll send the pricing sheet.",
    "Contact our team to get started this week.",
    # a contact verb with a commercial purpose after its mechanism
    "Call us now on 0871 246 0324 to claim your prize.",
    "Get in touch to book your free consultation.",
    # a frame that takes a gerund may take a commercial noun
    "Please consider a tax-deductible gift to the library fund.",
    "Interested in a 20-minute demo next week?",
    # a request put as a question
    "Could you sponsor our next meetup?",
    "Can you provide sponsorship for the spring workshop?",
    # the reader invited to be one of those the seller is looking for
    "We're looking for five agencies to join the pilot program.",
    # frames of a softer ask: the ask is still one (its hedge is CTA004's)
    "Maybe you'd like to try Acme Pro this month?",
    "Perhaps we could schedule a demo next week?",
    "Let me know if you'd like to sign up for the beta.",
    "Should you wish to upgrade, visit our store.",
    "I was wondering if you'd be open to a quick call next week.",
    # the purpose first, then the way to it
    "To book your table, call us on 0800 123 456.",
    "To renew, log in to your account before Friday.",
    "Help us grow by upgrading to Pro.",
    "You can support us by buying a copy.",
    # the seller offering the next step, for a yes in reply
    "Want me to send over a quick example?",
    "Shall I send you a few times for next week?",
    "Please provide us with your updated billing information.",
    "Stock up now while limited quantities last.",
]

NOT_ASKS = [
    "Reply with any questions.",
    "Call us if you have any questions.",
    "Contact our support team for help.",
    "Subscribe to our newsletter.",
    "Join the discussion on our forum.",
    "Get the details in our docs.",
    "Learn more about our new features.",
    "The best tablets that you can buy right now.",
    "Reports you can schedule by email.",
    "Pay attention to the subject line.",
    "You can upgrade to a paying account or cancel any time.",
    "Use of donations is decided by the committee.",
    "Order tracking is now available in the app.",
    "Book recommendations for the summer:",
    "How was your trial so far?",
    "Do you have any questions about the trial?",
    "Thank you for supporting the project.",
    "We ordered new servers last month.",
    "SECURE PAYMENT",
    "Upgrade to version 2.0 with pip install -U foo.",
    "Download the templates from GitHub.",
    "Grab the source code on GitHub.",
    "Try it out in the playground.",
    "Start by opening the settings page.",
    "Call me Ishmael.",
    "If you enjoyed this issue, forward it to a friend who might like it.",
    "You can change your notification settings at any time.",
    "Give the new dashboard a spin and let us know what you think.",
    "Our members get early access to every new feature.",
    "Your subscription was renewed on March 3.",
    "Dark mode is now available in the app.",
    "Develop, test and deploy in a single environment.",
    "To be removed send TXT STOP to 83222.",
    "We're happy to announce our new office in Leeds.",
    "Happy to help with anything you need.",
    "We can help you plan your week.",
    "Watch the recording here: example.com/videos/pricing-workshop",
    "Text me back and I'll send the slides.",
    "Update to 4.2.1 with your package manager.",
    "Get the details by visiting our blog.",
    "Update your profile photo.",
    "Change your plan's name in the settings.",
    "Reply 'stop' to opt out.",
    "Getting started is easy.",
    # reaching the seller, with no step to take: contact, not an ask
    "We'd love to hear from you, so call us at 202-742-1520.",
    "If you have problems with your account, get in touch with us below.",
    "Consider the options below before you decide.",
    "Thanks to everyone who made a contribution this year.",
    "Could you tell us about your order?",
    "Can you provide your email address?",
    "We're looking for ways to improve onboarding.",
    "We are looking for volunteers to help at the stand.",
    "To keep your account secure, we need to verify the new email address.",
    "To learn more, visit our blog.",
    "The app is supported by its patrons by paying a monthly subscription.",
    "Do you want me to stop emailing you?",
    "Can we share your story on our blog?",
    "Get billing help in our docs.",
    "We stock up on coffee every week.",
    "You are welcome to join The Turing Way community.",
    "Email hello.project@gmail.com for more information.",
    "If you have any questions, please email to events@acme-webinars.net.",
    "To get started, simply log in to your account and create a matchup.",
]


@pytest.mark.parametrize("sentence", ASKS)
def test_asks_found(sentence):
    assert kind(sentence) == EXPLICIT


@pytest.mark.parametrize("sentence", NOT_ASKS)
def test_near_misses_are_not_asks(sentence):
    assert kind(sentence) != EXPLICIT


HEDGED = [
    ("If you're interested, book a call here.", "If you're interested"),
    ("If you find value in my work, consider sponsoring me.", "If you find"),
    ("If you feel the same way, here's my Patreon.", "If you feel"),
    ("If I haven't bored you yet, subscribe to the paid plan.", "If I haven't bored"),
    ("If it sounds useful, reply and I'll send the details.", "If it sounds"),
    ("Feel free to grab a slot on my calendar.", "Feel free"),
    ("No pressure, but you can reserve a seat here.", "No pressure"),
    ("You might want to upgrade before Friday.", "You might want"),
    ("Sorry to bother you, but would you be open to a call?", "Sorry to bother"),
    ("You can upgrade your account at any time.", "You can upgrade your account at any time"),
    ("I've been asked to add a way to donate, so here is a link.", "I've been asked to"),
    ("Glad to walk you through a demo if helpful.", "if helpful"),
    ("If it's useful, I can send over a quote.", "If it's useful"),
    ("Completely optional, but you can add a second seat here.", "Completely optional"),
    ("No rush at all: the booking link is below.", "No rush"),
    ("I completely understand if now isn't the time, but here's the order form.",
     "I completely understand if"),
    ("I don't want to be pushy, but the offer ends tonight.", "I don't want to be pushy"),
    ("In case you'd like to keep your spot, renew here.", "In case you'd like"),
    ("In case it's useful, you can buy the course here.", "In case it's useful"),
    ("If now's not a good time, no worries, but the signup link is below.",
     "If now's not a good time"),
    ("Should you wish to upgrade, the plans are on our site.", "Should you wish"),
    ("No worries, the order form stays open all week.", "No worries"),
    ("Interested in sponsoring? Contact our team.", "Interested in sponsoring?"),
    ("We thought we'd remind you to renew your plan.", "We thought we'd"),
    ("I wanted to offer you a free trial of the Pro plan.", "I wanted to offer"),
]
PLAIN = [
    "If you order by Friday, shipping is free.",
    "If useful links are missing, tell us.",
    "If you sign up before May 1, you get 20% off.",
    "Book your call here.",
    "Reply YES to get the guide.",
]


@pytest.mark.parametrize("sentence,hedge", HEDGED)
def test_hedges_found(sentence, hedge):
    span = hedges.find(LEX, sentence, 0, len(sentence))
    assert span is not None and sentence[span[0]:span[1]] == hedge


@pytest.mark.parametrize("sentence", PLAIN)
def test_factual_conditions_are_not_hedges(sentence):
    assert hedges.find(LEX, sentence, 0, len(sentence)) is None


SELLER = [
    ("We need 50 more sign-ups this week.", "We need 50 more sign-ups"),
    ("We rely on your donations to keep going.", "We rely on your donations"),
    ("Our team depends on readers like you for funding.",
     "Our team depends on readers like you for funding"),
    ("I'm broke and could use your support.", "I'm broke"),
    ("I can't afford to keep the servers running.", "I can't afford"),
    ("Help us hit our goal of 100 backers.", "Help us hit"),
    ("We need more customers to survive this winter.", "We need more customers"),
    ("I've been out of work since March.", "I've been out of work"),
    ("We need people to sign up for the beta.", "We need people to sign up"),
    ("Support us so we can keep going.", "so we can keep going"),
    # a goal: the seller needing or trying to reach a gain or a target
    ("I need to close three more deals before Friday.", "I need to close three more deals"),
    ("We have to sign twenty new members by June.", "We have to sign twenty new members"),
    ("I'm trying to book four more clients this month.", "I'm trying to book four more clients"),
    ("We've got to move 500 units before the warehouse lease ends.",
     "We've got to move 500 units"),
    # a shortfall
    ("Our bookings are well below last spring.", "Our bookings are well below"),
    ("We're behind on our quarterly quota.", "We're behind on our quarterly quota"),
    ("I missed my target last month.", "I missed my target"),
    ("We're about forty subscribers short.", "We're about forty subscribers short"),
    # a stake
    ("My bonus rides on this renewal.", "My bonus rides on"),
    ("Our little bakery can't stay open without more regulars.",
     "Our little bakery can't stay open without"),
    # for the seller's sake
    ("Ordering this week would mean the world to us.", "would mean the world to us"),
    ("You'd be doing me a huge favour if you signed today.", "You'd be doing me a huge favour"),
    ("Our aim is to sell 2,000 tickets before the doors open.",
     "Our aim is to sell 2,000 tickets"),
    ("The podcast is funded entirely by listener donations.",
     "The podcast is funded entirely by listener donations"),
    ("Monthly pledges keep the studio running.", "Monthly pledges keep the studio running"),
    ("Help us bring in $5,000 before Friday.", "Help us bring in"),
    ("Honestly, I make less than minimum wage from this.", "I make less than minimum wage"),
    ("The future of this library depends on your donations.",
     "The future of this library depends on your donations"),
    ("We heavily rely on outside funding to pay our maintainers.",
     "We heavily rely on outside funding"),
    ("Two of our maintainers are losing their funding this year.", "are losing their funding"),
    ("With more sponsors we could ship twice as often.", "With more sponsors we could"),
    ("Some months I can barely make ends meet.", "make ends meet"),
    ("Your support means the project can stay afloat.", "project can stay afloat"),
    # the shortfall of a count the seller gets, and dependence on sponsorship
    ("Our sign-ups are flat this quarter.", "Our sign-ups are flat"),
    ("My orders have been dropping since May.", "My orders have been dropping"),
    ("We haven't made a single sale this week.", "We haven't made a single sale"),
    ("I rely on ongoing sponsorship to do this work.", "I rely on ongoing sponsorship"),
    ("The Crystal project depends on your support.", "The Crystal project depends on your support"),
    # a key word that starts with a first person ("we can") still keys its predicate
    ("Chip in so we can pay the hosting bill.", "so we can pay"),
    # the seller needing an amount of money
    ("We believe we will need $20,000 per month to keep going.", "we will need $20,000"),
    ("I need about £500 by Friday for the print run.", "I need about £500"),
    # the seller by its name; unable to go on without the reader
    ("Octobox currently relies on volunteers and donations to cover its costs.",
     "Octobox currently relies on volunteers"),
    ("The only way we can run it is via generous corporate sponsorship.",
     "The only way we can run it is via generous corporate sponsorship"),
    ("We can't do this without you!", "We can't do this without you"),
    ("We can't put on a great show without some great sponsors.",
     "We can't put on a great show without some great sponsors"),
    ("Donate so that we can continue growing.", "so that we can continue"),
    ("The project is seeking monetary support for its workshops.", "is seeking monetary support"),
    ("Our expansion has increased the need for funds.", "need for funds"),
]
NOT_SELLER = [
    "You need $5 to open an account.",
    "Help us make our events great.",
    "Stripe relies on card networks to move money.",
    "We are looking for sponsors for the spring conference.",
    "Everything you need to launch your store.",
    "If you need help, just reply.",
    "We need your address to ship your order.",
    "We need to tell you about a change to our terms.",
    "We rely on Stripe to process payments securely.",
    "Our customers depend on us for uptime.",
    "We're trying something new this month, and we need your help!",
    "We need to close the shop early on Sunday for the holiday.",
    "We need to get your order right, so check the sizes.",
    "Our sales team is here to answer questions.",
    "Our goal is to make your mornings easier.",
    "We hit our goal of 1,000 trees thanks to you!",
    "Your commission depends on the plan you choose.",
    "Prices are down 20% this week.",
    "We missed you at the workshop.",
    "We need to add our sponsors' logos to the page.",
    "Our store won't open on Monday without power, sorry.",
    "We're looking for volunteers to help at the stall.",
    "We're looking for 20 beta customers to try the new importer.",
    "Our aim is to make onboarding painless.",
    "The app is funded by a research grant.",
    "Regular backups keep the project safe.",
]


@pytest.mark.parametrize("sentence,quote", SELLER)
def test_seller_needs_found(sentence, quote):
    spans = needs.find_all(LEX, normalise(sentence))
    assert quote in [sentence[s:e] for s, e in spans]


@pytest.mark.parametrize("sentence", NOT_SELLER)
def test_reader_needs_are_not_seller_needs(sentence):
    assert needs.find_all(LEX, normalise(sentence)) == []


def _verbs():
    data = tomllib.loads((ROOT / "rules" / "lexicons" / "en.toml").read_text())
    return sorted({v.split()[0] for cls in ("ask_verbs", "object_verbs", "contact_verbs")
                   for v in data[cls] if "-" not in v})


def test_inflections_match_a_lexical_resource():
    """Every form lemminflect (a lexical resource, test extra) gives a class verb is one the
    rules of words.py give it; "be" is read only as "be" / "being"."""
    lemminflect = pytest.importorskip("lemminflect")
    missing = {}
    for verb in _verbs():
        want = {f for fs in lemminflect.getAllInflections(verb, upos="VERB").values() for f in fs}
        if verb == "be":
            want = {"be", "being", "been"}
        gap = want - forms(verb)
        if gap:
            missing[verb] = gap
    assert missing == {}


def test_phrasal_verbs_inflect_their_first_word():
    assert {"sign up", "signs up", "signing up", "signed up"} <= forms("sign up")
    assert {"enrolling", "enrolled", "shopping", "donating", "buying", "bought"} <= (
        forms("enrol") | forms("shop") | forms("donate") | forms("buy"))


def test_web_addresses_as_mail_clients_link_them():
    from cta_lint.document import web_addresses
    found = lambda t: [u for _, u in web_addresses(t)]
    assert found("Pricing is at acme.io/pricing.") == ["acme.io/pricing"]
    assert found("Visit acme.com or www.acme.co.uk, or https://acme.dev/x!") == [
        "acme.com", "www.acme.co.uk", "https://acme.dev/x"]
    assert found("Mail jane@acme.com about app.js/ and Node.js/React, e.g. v1.2/3.") == []


@pytest.mark.parametrize("line,href,expected", [
    # the words around a written address say what it is for
    ("Watch the replay here: acme.io/replay/pricing", "acme.io/replay/pricing", "soft"),
    ("Download the template here: acme.io/templates/onboarding",
     "acme.io/templates/onboarding", "soft"),
    ("Start your free trial: acme.io/signup", "acme.io/signup", EXPLICIT),
    # where they say nothing, its path does
    ("acme.io/pricing", "acme.io/pricing", EXPLICIT),
])
def test_a_written_address_is_read_with_its_line(line, href, expected):
    from cta_lint.document import Link
    c = DET.classify_link(Link(text=line, href=href, start=0, end=len(line)))
    assert c is not None and c.kind == expected
