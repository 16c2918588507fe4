"""one_row_per_event keeps the rows once_per_event's window keeps (issue #13's faster form)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from realpolitik.analysis.events import once_per_event, one_row_per_event
from realpolitik.store import open_store
from tests.unit.analysis_builders import Doc, write

NRD = ("Nordavia", "NRDGOV", "NRD", "GOV")
SLM = ("Selmar", "SLMGOV", "SLM", "GOV")


def test_the_split_form_keeps_the_rows_the_window_keeps(fresh_db: Path) -> None:
    docs = []
    for n in range(5):
        doc = Doc(date(2030, 5, 1 + n), [f"Nordavia and Selmar talked, note {n}.{i}."
                                         for i in range(3)])
        doc.event(0, "042", NRD, SLM)
        doc.event(1, "111", SLM, NRD, when=date(2030, 4, 1 + n))
        doc.event(2, "036", NRD, SLM, when=date(2030, 4, 1 + n))
        docs.append(doc)
    store = open_store(fresh_db)
    write(store, *docs)
    ids = [r[0] for r in store.query("SELECT id FROM events ORDER BY id")]
    # merged events whose own row is a 111 (left out below by the filter) or a kept code
    store.con.execute("UPDATE events SET cluster_id = ? WHERE id IN (?, ?, ?, ?)",
                      [ids[1], ids[1], ids[4], ids[7], ids[10]])
    store.con.execute("UPDATE events SET cluster_id = ? WHERE id IN (?, ?, ?)",
                      [ids[2], ids[2], ids[3], ids[12]])
    # the store's writer keeps the flag with the grouping (realpolitik.dedup.merge)
    store.con.execute("UPDATE events SET duplicate = cluster_id <> id")
    for where, params in (("code <> ?", ["111"]), ("source_country = ?", ["NRD"]),
                          ("TRUE", [])):
        window = store.query(
            f"SELECT id FROM events WHERE {where}{once_per_event()} ORDER BY id", params)
        matches, split_params = one_row_per_event("id, code", where, params)
        split = store.query(f"SELECT id FROM {matches} ORDER BY id", split_params)
        assert split == window
        matches, every_params = one_row_per_event("id", where, params, mentions=True)
        every = store.query(f"SELECT id FROM {matches} ORDER BY id", every_params)
        assert every == store.query(f"SELECT id FROM events WHERE {where} ORDER BY id",
                                    params)
        assert len(window) < len(every)
