"""News-like articles generated from templates written for these tests,
with a fixed seed: quotes with their speakers, reported speech, claims with
figures, denials, and boilerplate, in varied order and quote marks."""

import random

PEOPLE = [
    ("Mira Olsen", "the finance minister"),
    ("Tomas Keller", "the union's general secretary"),
    ("Ada Nwosu", "the mayor"),
    ("Jonas Brandt", "a spokesman for the port authority"),
    ("Lena Varga", "the health commissioner"),
    ("Pavel Ruiz", "the airline's chief executive"),
    ("Sana Iqbal", "an economist at the central bank"),
    ("Hugo Lindqvist", "the opposition leader"),
]
TOPICS = ["the rail strike", "the new bridge", "fuel prices", "the hospital budget",
          "the harbour expansion", "bus fares", "the water tariff", "school meals"]
QUOTES = [
    "We will not accept cuts of this size",
    "This plan is the best we can do this year",
    "Nobody told us the costs would double",
    "We are ready to talk as soon as tomorrow",
    "The numbers speak for themselves",
    "People deserve a straight answer",
]
CUES = ["said", "told reporters", "said on Tuesday", "wrote in a statement", "added"]
CLAIMS = [
    "Ticket prices rose {n}% last year, the highest rise since {y}.",
    "The project will cost {n} million euros, twice the first estimate.",
    "Unemployment in the region fell to {n}% in {y}.",
    "More than {n} thousand commuters use the line every day.",
]
DENIALS = [
    "{name} ruled out any tax rise before the election.",
    "{name} said the government had no plans to close the station.",
    "{name} rejected claims that the contract had been rigged.",
    "{name} denied that talks had broken down.",
]
MARKS = [("“", "”"), ('"', '"'), ("«", "»")]


def article(rng: random.Random) -> str:
    topic = rng.choice(TOPICS)
    people = rng.sample(PEOPLE, 3)
    open_, close = rng.choice(MARKS)
    lines = [f"Debate over {topic} grows", f"By {rng.choice(PEOPLE)[0]}"]
    for name, role in people:
        quote = rng.choice(QUOTES)
        shape = rng.randrange(4)
        if shape == 0:
            lines.append(f"{open_}{quote},{close} {name}, {role}, {rng.choice(CUES)}.")
        elif shape == 1:
            lines.append(f"{name} said {quote[0].lower()}{quote[1:]}.")
        elif shape == 2:
            lines.append(f"According to {role}, {quote[0].lower()}{quote[1:]}.")
        else:
            lines.append(f"{name}, {role}, {rng.choice(CUES)}: {open_}{quote}.{close}")
        if rng.random() < 0.5:
            lines.append(rng.choice(CLAIMS).format(n=rng.randint(2, 90), y=rng.randint(1990, 2024)))
        if rng.random() < 0.3:
            lines.append(rng.choice(DENIALS).format(name=name))
    if rng.random() < 0.3:
        lines.append("Copyright 2026 Harbour Gazette. All rights reserved.")
    return "\n\n".join(lines)


def articles(n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    return [article(rng) for _ in range(n)]
