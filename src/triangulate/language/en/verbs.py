"""Simple past forms of English irregular verbs (the regular ones end in -ed)."""

from __future__ import annotations

from . import words

# "hit" is also a present form; in news narration of a dated happening it is nearly always past.
IRREGULAR_PAST: frozenset[str] = words("""
    arose ate awoke became began bent bit bled blew bore bought bound bred broke brought built
    burnt caught chose clung came crept dealt did drank drew drove dug dwelt fed fell felt fled
    flew flung forbade forgave forgot forsook fought found froze gave got grew hid hit held hung
    kept knelt knew laid lay led leapt left lent lost made meant met overcame overran overthrew
    overtook paid ran rang rode rose sang sank sat saw sent shook shone shot showed shrank slept
    slid slung sold sought spent spoke sprang stole stood stuck stung strode struck strove swept
    swore swam swung taught thought threw took tore told trod understood undertook upheld wept
    withdrew withheld woke won wore wound wove wrote
""")
