package org.iago.vocabulary;

import java.util.List;

/**
 * The columns of the drug–drug interaction table ({@code interaction.csv}), in their order: one row per CAR-T drug,
 * concomitant drug and event, with the report counts of the four exposure groups (both drugs 11, CAR-T drug only 10,
 * concomitant drug only 01, neither 00), the event's fraction in each, the expected count and Ω with its 95%
 * credibility interval (Norén et al. 2008; {@code org.iago.stats.InteractionShrinkage}).
 */
public final class InteractionColumn {

    public static final OutputColumn CART_DRUG = OutputColumn.text("cart_drug");
    public static final OutputColumn CONCOMITANT = OutputColumn.text("concomitant");
    public static final OutputColumn EVENT = OutputColumn.text("event");
    public static final OutputColumn N111 = OutputColumn.whole("n111");
    public static final OutputColumn N11 = OutputColumn.whole("n11");
    public static final OutputColumn N101 = OutputColumn.whole("n101");
    public static final OutputColumn N10 = OutputColumn.whole("n10");
    public static final OutputColumn N011 = OutputColumn.whole("n011");
    public static final OutputColumn N01 = OutputColumn.whole("n01");
    public static final OutputColumn N001 = OutputColumn.whole("n001");
    public static final OutputColumn N00 = OutputColumn.whole("n00");
    public static final OutputColumn F11 = OutputColumn.number("f11");
    public static final OutputColumn F10 = OutputColumn.number("f10");
    public static final OutputColumn F01 = OutputColumn.number("f01");
    public static final OutputColumn F00 = OutputColumn.number("f00");
    public static final OutputColumn G11 = OutputColumn.number("g11");
    public static final OutputColumn E111 = OutputColumn.number("e111");
    public static final OutputColumn OMEGA = OutputColumn.number("omega");
    public static final OutputColumn OMEGA025 = OutputColumn.number("omega025");
    public static final OutputColumn OMEGA975 = OutputColumn.number("omega975");
    public static final OutputColumn SIGNAL = OutputColumn.bool("signal_omega");

    /** The table's columns in CSV order. */
    public static final List<OutputColumn> COLUMNS = List.of(CART_DRUG, CONCOMITANT, EVENT, N111, N11, N101, N10,
            N011, N01, N001, N00, F11, F10, F01, F00, G11, E111, OMEGA, OMEGA025, OMEGA975, SIGNAL);

    private InteractionColumn() {
    }
}
