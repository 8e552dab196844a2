"""Generated general news that is not about defence: the bulk of a realistic feed.

Eight desks (markets, companies, sport, weather, health, local government, culture, technology and
science), each with its own headlines, sentence patterns and vocabulary, filled from lists of towns,
firms, people, products and figures; article length 120-1,100 words, skewed to the short side as wire
copy is. The text is varied (no two articles alike, few sentences repeated word for word) and written
to stay off topic: it names no weapon, force or defence body, though it uses words a defence filter
must not trip on (deal, signed, delivered, agreement, talks, joint venture, fleet, systems, ships).

    from offtopic_news import article
    text, title = article(random.Random(7), serial=1)
"""
from __future__ import annotations

import random

TOWNS = ["Leeds", "Lyon", "Porto", "Ghent", "Tampere", "Graz", "Bilbao", "Utrecht", "Aarhus", "Brno", "Cork",
         "Malmo", "Turin", "Seville", "Dortmund", "Krakow", "Nantes", "Bergen", "Basel", "Lille", "Kobe", "Pune",
         "Curitiba", "Rosario", "Durban", "Perth", "Halifax", "Tucson", "Omaha", "Dayton", "Fresno", "Cardiff",
         "Dundee", "Galway", "Innsbruck", "Ljubljana", "Tartu", "Kaunas", "Plovdiv", "Cluj", "Izmir", "Sapporo"]
FIRMS = ["Norrland Paper", "Brightwell Foods", "Casterly Insurance", "Orbita Telecom", "Valemont Retail",
         "Kestrel Logistics", "Halden Pharma", "Meridian Bank", "Solvay Chemicals", "Arden Hotels", "Pinecrest Homes",
         "Lumen Energy", "Tidewater Foods", "Greystone Mining", "Aurora Textiles", "Blue Harbour Fisheries",
         "Copperfield Brewing", "Northgate Rail", "Silverline Buses", "Oakridge Software", "Quill Publishing",
         "Redwood Timber", "Saffron Airlines", "Terraform Cement", "Vesta Appliances", "Windmere Dairy"]
FIRST = ["Anna", "Marco", "Sofia", "Lukas", "Emma", "Jonas", "Chloe", "Mateo", "Ingrid", "Tomas", "Priya", "Kenji",
         "Amara", "Diego", "Freya", "Omar", "Lena", "Pavel", "Rosa", "Sean", "Mei", "Hugo", "Zara", "Elif"]
LAST = ["Lindqvist", "Moretti", "Dubois", "Novak", "Keller", "Ferreira", "Okafor", "Tanaka", "Haddad", "Brennan",
        "Kowalski", "Jansen", "Silva", "Murphy", "Larsen", "Rossi", "Weber", "Costa", "Ivanova", "Schmidt", "Rahman",
        "Bauer", "Lambert", "Nieminen", "Horvat", "Byrne", "Eriksen", "Mendes", "Fischer", "Petit", "Varga", "Sato",
        "Adeyemi", "Quinn", "Marsh", "Hale", "Duarte", "Kovacs", "Berg", "Fontaine", "Galli", "Nowak", "Olsen",
        "Pereira", "Romero", "Stewart", "Thomsen", "Vidal", "Walsh", "Yilmaz", "Zielinski", "Castro", "Dahl"]
PRODUCTS = ["frozen pizza", "electric scooters", "hearing aids", "garden furniture", "smart meters", "running shoes",
            "breakfast cereal", "heat pumps", "solar panels", "dog food", "e-readers", "office chairs", "olive oil",
            "bicycle helmets", "kitchen robots", "baby formula", "paint", "coffee machines", "winter tyres"]
TEAMS = ["Rovers", "United", "Athletic", "City", "Wanderers", "Albion", "Rangers", "Harriers", "Dynamo", "Olympic"]
SPORTS = ["cup tie", "league match", "derby", "semi-final", "relegation battle", "friendly", "title decider"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DISEASES = ["flu", "measles", "hay fever", "norovirus", "asthma", "type 2 diabetes", "back pain", "insomnia"]
SHOWS = ["exhibition of Dutch still lifes", "jazz festival", "production of Hamlet", "retrospective of poster art",
         "folk music weekend", "photography prize", "children's book fair", "season of silent films"]
APPS = ["photo-sharing app", "budgeting tool", "language course", "music service", "map update", "chat app",
        "password manager", "email client", "spreadsheet program", "video editor"]
WEATHER = ["heavy rain", "a heatwave", "thick fog", "gale-force winds", "hail", "an early frost", "snow showers"]

# each desk: headlines and sentences, with {slots} filled at random (see _slots)
DESKS = {
    "markets": (
        ["{firm} shares climb after upbeat forecast", "Markets slip as {town} factory data disappoints",
         "{firm} profit beats expectations", "Bond yields ease ahead of rate decision"],
        ["Shares in {firm} rose {pct} per cent {when} after the company raised its full-year outlook.",
         "The benchmark index closed {updown} {small} per cent, with {sector} leading the move.",
         "Analysts at {firm2} said the results showed demand for {product} holding up better than feared.",
         "\"We see a gradual recovery through {month},\" said {name}, chief economist at {firm2}.",
         "Revenue reached {money}, against {money2} a year earlier, while margins narrowed slightly.",
         "The central bank is expected to keep rates at {small} per cent when it meets {when}.",
         "Oil traded near ${count} a barrel and the euro was little changed against the dollar.",
         "{firm} signed a deal to buy a smaller rival in {town} for {money}, subject to approval by regulators."]),
    "companies": (
        ["{firm} to open new plant in {town}", "{firm} and {firm2} agree joint venture",
         "{firm} recalls batches of {product}", "{firm} names new chief executive"],
        ["{firm} said {when} it would invest {money} in a new line making {product} in {town}.",
         "The joint venture with {firm2} will be owned in equal shares and employ about {count} people.",
         "The first deliveries to supermarkets are due {when}, the company said in a statement.",
         "{name}, who joined the board in {year}, will take over as chief executive {when}.",
         "Unions welcomed the plan but asked for guarantees on jobs at the older site in {town2}.",
         "The company's fleet of {count} delivery vans will be electric by {future}, it said.",
         "Its ordering systems were down for {small} hours after a software fault, angering customers.",
         "\"This is the biggest step in our history,\" {name} told staff at a meeting in {town}."]),
    "sport": (
        ["{club} edge {club2} in tense {fixture}", "{club} sign midfielder on three-year contract",
         "Late goal sends {club} top of the table", "{club2} sack coach after run of defeats"],
        ["{club} beat {club2} {score} in the {fixture} {when}, with {name} scoring twice.",
         "The visitors' back line held firm until the {minute}th minute, when a deflected shot found the corner.",
         "{club} completed the signing of {name} from {club2} for a fee reported at {money}.",
         "\"The lads gave everything,\" said coach {name2}. \"We go again {when}.\"",
         "A crowd of {thousands} watched in {weather} at the {town} ground.",
         "The win lifts {club} to {count} points, {small} clear of the play-off places.",
         "{name} was shown a red card for a late tackle and will miss the next {small} games.",
         "In the women's game, {club2} reached the final for the first time since {year}."]),
    "weather": (
        ["Warning issued as {weather} heads for the north", "Commuters face delays after {weather}",
         "Farmers count cost of {weather}", "Week of {weather} ahead, forecasters say"],
        ["Forecasters issued an amber warning for {weather} across {town} and {town2} {when}.",
         "Temperatures could reach {temp}C, {small} degrees {updown} the seasonal average.",
         "Rail operators cancelled {count} services and ferries to the islands were suspended.",
         "\"People should only travel if they must,\" said {name} of the national weather service.",
         "The river at {town} rose {small} metres overnight and sandbags were handed out.",
         "Growers said the {weather} had damaged up to a {share} of the apple crop.",
         "Drier weather is expected to return {when}, with sunny spells in the south."]),
    "health": (
        ["Cases of {disease} rise in {town}", "New clinic for {disease} opens", "Study links diet to {disease}",
         "Hospital waiting lists fall for third month"],
        ["Doctors in {town} reported {count} cases of {disease} {when}, up from {small} a year earlier.",
         "The study of {thousands} adults found that those who walked daily were {pct} per cent less likely to develop {disease}.",
         "\"The message is simple: wash your hands and stay home if you are ill,\" said Dr {name}.",
         "The regional health board approved {money} for a new outpatient wing at the {town} hospital.",
         "Pharmacies said supplies of {supplies} were adequate for the winter.",
         "Nurses' unions signed an agreement on pay after talks lasting {small} weeks.",
         "Waiting times for routine operations fell to {small} weeks, the lowest since {year}."]),
    "local": (
        ["{town} council approves new bus routes", "Residents oppose {town} housing plan",
         "{town} library to reopen after repairs", "Bridge contract awarded in {town}"],
        ["Councillors in {town} voted {count} to {small} {when} to approve the plan.",
         "The contract, worth {money}, was awarded to {firm}, which will start work {when}.",
         "Residents of {street} said they had not been consulted.",
         "\"We listened and we changed the scheme,\" said council leader {name}.",
         "The new timetable adds {small} buses an hour at peak times and a night service at weekends.",
         "The twin-town partnership with {town2} will mark its {minute}th year with a festival.",
         "About {count} homes are planned on the former {site} site.",
         "The {building} has been closed since {month} for roof repairs."]),
    "culture": (
        ["A {show} that rewards patience", "{town} prepares for {show}", "Novel by {name} wins prize",
         "Orchestra announces tour of {town} and {town2}"],
        ["The {show} opens at the {town} arts centre {when} and runs for {small} weeks.",
         "Critics praised {name}'s direction, calling it {praise}.",
         "Tickets cost from {small} euros and about {thousands} visitors are expected.",
         "\"Every object here has a story,\" said curator {name2}, pointing to a print from {year}.",
         "The novel follows three generations of a family of {trade} in {town}.",
         "The prize, worth {money}, was presented at a ceremony in {town2} {when}.",
         "A film version is in development, with {name2} attached to write the screenplay."]),
    "technology": (
        ["{firm} launches {app}", "Outage hits {app} users", "Regulator probes {app} over privacy",
         "Researchers find new exoplanet", "Battery breakthrough promises cheaper {product}"],
        ["The {app} now has {small} million users, {firm} said, after a free tier was added {when}.",
         "Version {small}.{digit} fixes a flaw that let attackers read stored files, the developers said.",
         "Astronomers at the {town} observatory measured the planet's orbit at {count} days.",
         "The regulator said it had received {count} complaints about the {app} since {month}.",
         "\"Our systems recovered within the hour,\" a spokesperson for {firm} said.",
         "The new cell stores {pct} per cent more energy and lasts {count} charging cycles.",
         "The team published its results in a journal {when} and shared the code online.",
         "Subscriptions will cost {small}.99 a month from {month}."]),
}


def _slots(r: random.Random) -> dict[str, str]:
    name = lambda: f"{r.choice(FIRST)} {r.choice(LAST)}"  # noqa: E731
    money = lambda: r.choice([f"{r.randint(2, 950)} million euros", f"${r.randint(1, 90)}.{r.randint(1, 9)} billion",  # noqa: E731
                              f"£{r.randint(3, 400)}m", f"{r.randint(10, 999)},000 dollars"])
    return {
        "firm": r.choice(FIRMS), "firm2": r.choice(FIRMS), "town": r.choice(TOWNS), "town2": r.choice(TOWNS),
        "name": name(), "name2": name(), "money": money(), "money2": money(), "month": r.choice(MONTHS),
        "when": r.choice([f"on {r.choice(DAYS)}", f"in {r.choice(MONTHS)}", "last week", "this year",
                          f"by the end of {r.choice(MONTHS)}", "next spring", f"since {r.randint(1998, 2024)}"]),
        "product": r.choice(PRODUCTS), "club": f"{r.choice(TOWNS)} {r.choice(TEAMS)}",
        "club2": f"{r.choice(TOWNS)} {r.choice(TEAMS)}", "fixture": r.choice(SPORTS), "weather": r.choice(WEATHER),
        "disease": r.choice(DISEASES), "show": r.choice(SHOWS), "app": r.choice(APPS),
        "pct": f"{r.randint(1, 40)}.{r.randint(0, 9)}", "small": str(r.randint(2, 19)), "count": str(r.randint(20, 900)),
        "thousands": f"{r.randint(2, 90)},{r.randint(100, 999)}", "year": str(r.randint(1990, 2023)),
        "future": str(r.randint(2026, 2035)), "score": f"{r.randint(1, 5)}-{r.randint(0, 4)}",
        "minute": str(r.randint(20, 89)), "temp": str(r.randint(-8, 38)), "digit": str(r.randint(0, 9)),
        "updown": r.choice(["up", "down", "above", "below"]), "share": r.choice(["third", "quarter", "fifth"]),
        "sector": r.choice(["banks", "retailers", "utilities", "miners", "carmakers"]),
        "supplies": r.choice(["vaccines", "inhalers", "antibiotics", "test kits"]),
        "street": r.choice(["Mill Lane", "the old town", "Harbour Street", "the east estate"]),
        "site": r.choice(["gasworks", "dairy", "rail yard", "paper mill"]),
        "building": r.choice(["swimming pool", "library", "market hall", "museum"]),
        "praise": r.choice(["bold", "tender", "uneven", "witty", "quietly radical"]),
        "trade": r.choice(["bakers", "fishermen", "weavers", "teachers"]),
    }


def article(r: random.Random, serial: int) -> tuple[str, str]:
    """One off-topic article: (text, title). Lengths from 120 to 1,100 words, most under 500."""
    heads, sentences = DESKS[r.choice(list(DESKS))]
    title = r.choice(heads).format(**_slots(r))
    target = int(min(1100, max(120, r.lognormvariate(5.8, 0.5))))
    paragraphs, words = [], 0
    while words < target:
        para = " ".join(r.choice(sentences).format(**_slots(r)) for _ in range(r.randint(1, 4)))
        paragraphs.append(para)
        words += len(para.split())
    dateline = f"{r.choice(TOWNS).upper()}, {r.choice(MONTHS)} {r.randint(1, 28)} - "
    return dateline + "\n\n".join(paragraphs), title
