"""Words that never say what a person needs, on top of Snowball's short Dutch stop list.

People write the way they speak: "eigenlijk", "gaat", "soms", "even", "that". Such words are frequent in
any text, so they also occur in most schemes and, left in a question, they pull it towards long
texts instead of the need. Their stems also collide with real words (`gaat` → `gat`, `eigenlijk` → `eig`,
the stem of `eigen risico`). Staff add their own filler to `vulwoorden` in data/lexicon.yaml; this list is
the language's own, grouped so it is easy to check. A lexicon phrase is read before these words are
dropped, so "lukt me niet" or "can't pay" still count.
"""

from __future__ import annotations

_DUTCH = """
    eigenlijk gewoon echt even nou nee jawel wel zeker misschien soms vaak nooit steeds weer opnieuw alweer
    ineens opeens plotseling meteen straks later eerst daarna toen ooit inmiddels ondertussen intussen
    sindsdien bijvoorbeeld letterlijk simpelweg helemaal heel erg zeer best nogal behoorlijk redelijk beetje
    ongeveer bijna zelfs namelijk trouwens overigens natuurlijk uiteraard inderdaad waarschijnlijk blijkbaar
    volledig compleet totaal helaas zomaar zoveel zulke zulk dezelfde hetzelfde ander anders elk elke ieder iedere iedereen alle
    allemaal beide beiden sommige sommigen enkele paar niemand niks ergens nergens overal waarbij waardoor
    waarmee waarvan waarop waarin erbij ermee erop eraan ervoor erin eruit daarvoor daarmee daarbij daardoor
    daarom daarin hierdoor hiervoor doordat zodat terwijl hoewel ofwel tenzij sinds tussen binnen buiten
    tijdens volgens vanwege zoals behalve dankzij jij jou jouw hen jullie mezelf zichzelf elkaar welke
    twee drie vier vijf zes zeven acht negen tien
    januari februari maart april mei juni juli augustus september oktober november december
    bent zijn wordt werden geworden hebt hadden gehad ga gaat gaan ging gingen gegaan kom komt komen kwam
    kwamen gekomen doe doet deed deden gedaan zie ziet zien zag zagen gezien vind vindt vinden vond vonden
    denk denkt denken dacht dachten gedacht weet weten wist wisten zeg zegt zeggen zei zeiden gezegd sta
    staat staan stond stonden gestaan zit zitten zat zaten gezeten lig ligt liggen lag lagen blijf blijft
    blijven bleef bleven gebleven krijg krijgt krijgen kreeg kregen gekregen kunt konden mag mogen mocht
    mochten wilt willen wilde wilden wou zult zullen zouden moeten moest moesten laat laten liet lieten
    lijkt lijken leek blijkt bleek betekent betekenen betekende gebeurt gebeuren gebeurde gebeurd goed
    maak maakt maken maakte maakten gemaakt terecht
    tje tjes juist juiste meest meeste maximaal voorzien af
"""

_ENGLISH = """
    i me my myself we our ours you your yours he him his she her hers it its they them their theirs what
    which who whom this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between into
    through during before after above below to from up down in out on off over under again further then
    once here there when where why how all any both each few more most other some such no nor not only
    same so than too very can will just should now even also really still already would could might must
    got get gets think thought know knew took take make made go going went come came said say
    entitled eligible qualify apply applying
"""

FUNCTION_WORDS = frozenset(_DUTCH.split()) | frozenset(_ENGLISH.split())
