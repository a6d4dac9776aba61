package org.voxseg.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseShareTest {

    private static List<CaseFiles> cases(int count) {
        List<CaseFiles> cases = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            cases.add(new CaseFiles(String.format(Locale.ROOT, "case_%02d", c),
                    List.of(Path.of("case_" + c + ".nii.gz")), Optional.empty()));
        }
        return cases;
    }

    private static List<String> ids(List<CaseFiles> cases) {
        return cases.stream().map(CaseFiles::id).toList();
    }

    @Test
    void nSharesCoverEveryCaseOnceWhateverTheListingOrder() {
        List<CaseFiles> listed = cases(11);
        List<CaseFiles> shuffled = new ArrayList<>(listed);
        Collections.shuffle(shuffled, new Random(4));
        List<String> covered = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            CaseShare share = CaseShare.parse(k + "/3");
            assertEquals(ids(share.select(listed)), ids(share.select(shuffled)), "sorted by id, not by listing");
            covered.addAll(ids(share.select(shuffled)));
        }
        Collections.sort(covered);
        assertEquals(ids(listed), covered);
        assertEquals(List.of("case_01", "case_04", "case_07", "case_10"), ids(CaseShare.parse("2/3").select(listed)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void forNFromOneToFourTheUnionOfThePartsIsEveryCaseEachOnce(int n) {
        List<String> covered = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            covered.addAll(ids(CaseShare.parse(k + "/" + n).select(cases(10))));
        }
        Collections.sort(covered);
        assertEquals(ids(cases(10)), covered);
    }

    @Test
    void aShareSplitAgainCoversItsOwnCasesOnce() {
        CaseShare second = CaseShare.parse("2/2");
        List<String> split = new ArrayList<>(ids(second.split(1, 2).select(cases(9))));
        split.addAll(ids(second.split(2, 2).select(cases(9))));
        Collections.sort(split);

        assertEquals(ids(second.select(cases(9))), split);
        assertEquals("2/2 1/2", second.split(1, 2).toString());
        assertEquals("1/3", CaseShare.ALL.split(1, 3).toString());
    }

    @Test
    void anythingButKOverNWithKFromOneToNIsRefused() {
        for (String wrong : List.of("0/2", "3/2", "1/0", "1", "a/b", "1/2/3", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseShare.parse(wrong));
            assertEquals("'" + wrong + "' is not a share K/N with 1 <= K <= N", e.getMessage());
        }
    }
}
