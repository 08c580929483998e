# The results this page states must hold (checked by nbval, hidden from readers).
# The corpus, its entropy and the shares of the bits are exact: the generator gives the same
# documents on every machine (a pinned digest tests it). The count models' bits are float sums,
# the same on one machine and within rounding elsewhere: they get small tolerances.
claims = Claims()
if profile.name == "cpu":
    assert cfg["n_train"] == 5_000 and cfg["n_val"] == 1_000 and cfg["data_scales"] == [1, 3]
    assert len(world.people) == 1_000 and len(world.towns) == 40
    assert round(H, 4) == 0.3788 and 0.39 < H_kind["story"] < 0.40 and H_kind["preference"] < 0.16
    assert max(H_kind, key=H_kind.get) == "story" and min(H_kind, key=H_kind.get) == "preference"
    assert [round(100 * shares[c], 1) for c in tinyworld.CATEGORIES] == [1.9, 17.6, 57.1, 0.5, 22.8]
    assert len(common) == 6_369 and len(tw_words) == 8_652
    assert (best_k, best) == (3, 14) and min(bpc[1], key=bpc[1].get) == 12
    assert abs(bpc[1][12] - 0.828) < 0.003 and abs(best_bpc - 0.747) < 0.003
    assert 0.95 <= best_bpc / H - 1 <= 0.99
    assert 0.90 <= gap["story"] / H_kind["story"] <= 0.94
    assert 1.4 <= gap["sheet"] / H_kind["sheet"] and gap["preference"] / H_kind["preference"] <= 3.2
claims.above("inference-like decisions hold at least 10 % of the bits", shares["inference"], 0.10)
claims.above("the best count model is at least 30 % above the entropy", best_bpc, 1.3 * H)
claims.above("at least 1,500 word types that are not names", len(common), 1_499)
claims.that("more text helps every order from 8 on", all(bpc[3][n] < bpc[1][n] for n in cfg["orders"] if n >= 8))
claims.above("the curve turns up after its best order", bpc[best_k][20], bpc[best_k][best], margin=0.03)
claims.near("the best count model, as the prose states it", best_bpc, 0.747, tol=0.003)
claims.verify()
