"""Composed phrases: many sensible phrases from a few lists, each drawn as one joint pick.

Hiding places at home ("behind the grandfather clock", "at the bottom of the sewing basket"),
people and occasions something is done for ("for the new curate", "for the church fete"), a
hobby's activities at its places, a pet's actions and their targets, and the habits of each
character. One pick over the rendered phrases costs the same bits as the picks of its parts and
is faster; every rendered phrase is distinct (checked), so the grammar stays unambiguous.
"""

from __future__ import annotations

from . import habits as H
from . import lexicon as L
from . import scenes as S
from .lexicon import phrases
from .sampler import Categorical, zipf

# furniture a thing can be under, behind or beside; containers it can be in
FURNITURE = phrases("bed|sofa|dresser|piano|wardrobe|bookcase|kitchen table|sideboard|armchair|washstand|"
                    "chest of drawers|hat stand|grandfather clock|workbench|mangle|rocking chair|settle|"
                    "dressing table|kitchen range|linen press|coat stand|umbrella stand|writing bureau|"
                    "spare bed|piano stool|larder door|blanket chest|corner cupboard|hall table|footstool|"
                    "sewing machine|bread bin|wash tub|tea trolley|old trunk|kitchen dresser|bedside table|"
                    "towel rail|plate rack|clothes horse|china cabinet")
SURFACE_PREPOSITIONS = ("under", "behind", "beside", "underneath", "on top of")
CONTAINERS = phrases("kitchen drawer|sewing basket|biscuit tin|laundry basket|toy box|coal bucket|flower pot|"
                     "tea caddy|log basket|button jar|bread crock|rag bag|writing desk|bottom drawer|"
                     "knife drawer|cutlery drawer|shoe box|hat box|coal scuttle|wicker hamper|cake tin|"
                     "jam jar|airing cupboard|broom cupboard|coat pocket|apron pocket|shopping basket|"
                     "dresser drawer|toolbox|sugar bowl|workbasket|wardrobe drawer|knitting bag|vegetable rack|"
                     "linen basket")
CONTAINER_PREPOSITIONS = ("in", "at the bottom of", "inside")
ROOM_SPOTS = phrases("in the attic|in the cellar|under the stairs|in the garden shed|on the mantelpiece|"
                     "on the windowsill|behind the door|under the rug|on the top shelf|in a coat pocket|"
                     "inside an old boot|behind the curtains|beneath the cushions|in the larder|on the landing|"
                     "in the porch|in the wash house|on the back step|in the coal hole|on the hall stand|"
                     "in the bath|down the side of the armchair|in the hen house|in the woodpile|"
                     "on the stairs|under the doormat|in the wheelbarrow|in the potting shed|"
                     "behind the water butt|under the floorboards|in the chimney corner|"
                     "in the pantry|in the box room|under a pile of newspapers|in the pocket of an old coat|"
                     "under the hearthrug|in the flower bed|among the onions|"
                     "in the compost heap|on the kitchen windowsill|in the sink|down the back of the sofa")
# people something is done for (they take an adjective) and occasions (they do not)
PATRONS = phrases("vicar|mayor|doctor|schoolmaster|widow next door|innkeeper|curate|postmistress|squire|"
                  "constable|midwife|stationmaster|organist|grocer's wife|miller's boy|neighbours|twins next door|"
                  "churchwarden|lodger|harbour master")
PATRON_LOOKS = ("", "old ", "new ", "young ")
OCCASIONS = phrases("the harvest supper|the church fete|the jumble sale|the school fair|the flower show|"
                    "a wedding|a christening|a birthday party|the Sunday market|the spring fair|the museum|"
                    "the town hall|the children|an old aunt|a cousin|the Christmas bazaar|the orphanage|"
                    "the almshouse|the cricket club|the choir outing")


def _distinct(items: list[str]) -> list[str]:
    assert len(set(items)) == len(items), "composed phrases must be distinct (the grammar is unambiguous)"
    return items


def house_spots(words) -> list[str]:
    """Every hiding place at home, most common first (a config truncates each part)."""
    spots = [f"{p} the {f}" for f in words(FURNITURE) for p in words(SURFACE_PREPOSITIONS)]
    spots += [f"{p} the {c}" for c in words(CONTAINERS) for p in words(CONTAINER_PREPOSITIONS)]
    return _distinct(list(words(ROOM_SPOTS)) + spots)


def patrons(words) -> Categorical:
    """'the new curate', 'the neighbours', 'the church fete': whom or what something is for."""
    people = [f"the {look}{p}" for p in words(PATRONS) for look in words(PATRON_LOOKS)
              if not (look and (p.endswith(("s", "next door")) or "'" in p))]  # not 'the young grocer's wife'
    occasions = list(words(OCCASIONS))
    items = _distinct(people + occasions)
    return Categorical(items, [1.0 / len(people)] * len(people) + [1.0 / len(occasions)] * len(occasions))


LISTENERS = phrases("the grandchildren|anyone who would listen|the children|visitors|the new neighbours|"
                    "the lodgers|the young apprentices|every new customer|strangers at the inn|the schoolchildren")


def listeners(words) -> Categorical:
    """'the new curate', 'the grandchildren': people a story is told to (never an occasion)."""
    people = [f"the {look}{p}" for p in words(PATRONS) for look in words(PATRON_LOOKS)
              if not (look and (p.endswith(("s", "next door")) or "'" in p))]
    more = list(words(LISTENERS))
    items = _distinct(people + more)
    return Categorical(items, [1.0 / len(people)] * len(people) + [1.0 / len(more)] * len(more))


def hobby_doings(words) -> dict[str, Categorical]:
    """Per hobby: 'tied some new flies by the weir' (an activity and one of the hobby's places)."""
    out = {}
    for hobby, (acts, places) in H.HOBBY_DOINGS.items():
        out[hobby] = Categorical(_distinct([f"{x} {y}" for x in words(acts) for y in words(places)]))
    return out


def pet_doings(words) -> dict[str, Categorical]:
    """Per pet: 'growled at the milkman' (an action of its kind and a target)."""
    kinds = {k: Categorical(_distinct([f"{x} {y}" for x in words(acts) for y in words(targets)]))
             for k, (acts, targets) in H.PET_DOINGS.items()}
    return {pet: kinds[S.PET_KINDS[pet]] for pet in L.PETS}


def trait_habits(words, s: float) -> dict[str, Categorical]:
    """Per character trait: six habits, the old three first."""
    return {t: zipf(_distinct(list(words(S.TRAIT_HABITS[t] + phrases(H.MORE_TRAIT_HABITS[t])))), s)
            for t in L.TRAITS}
