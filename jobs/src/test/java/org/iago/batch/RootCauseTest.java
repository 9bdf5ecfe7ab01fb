package org.iago.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RootCauseTest {

    @Test
    void theDeepestCauseIsFound() {
        IllegalStateException root = new IllegalStateException("disk gone");
        RuntimeException top = new RuntimeException("step failed", new IllegalArgumentException("write", root));
        assertSame(root, RootCause.of(top));
        assertEquals("disk gone", RootCause.message(top));
    }

    @Test
    void causesInALoopEndTheWalk() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertSame(b, RootCause.of(a));
        assertSame(a, RootCause.of(b));
    }

    @Test
    void aCauseWithoutMessageIsNamedByItsClass() {
        assertEquals("java.lang.NullPointerException",
                RootCause.message(new RuntimeException("x", new NullPointerException())));
    }
}
