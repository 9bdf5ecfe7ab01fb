package org.iago.tte.registry;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.iago.lake.Publisher;

/**
 * What {@link RegistryTteJob} analysed, written as {@code summary.json}.
 *
 * @param patients patients with an outcome row, the analysed cohort
 * @param excludedNoOutcome patients left out because they have no outcome row (no follow-up)
 * @param competingRelapse the option in force
 * @param censorAtRelapse the option in force
 * @param followUpPatientDays Σ (follow-up end day + 1) over the patients
 * @param atRiskPatientDays Σ (at-risk end day + 1): the rates' patient-days; equal to the follow-up unless censored
 *        at relapse
 * @param windowPatientDays at-risk patient-days counted in each window
 * @param infections infections of the patients
 * @param infectionsAtRisk those with onset on an at-risk day, the ones the rates count
 * @param toxicityEpisodes toxicity episodes of the patients
 * @param toxicityEpisodesAtRisk those with onset on an at-risk day
 * @param prophylaxisFlagDisagreements bacterial, viral and fungal infections on at-risk days whose recorded
 *        {@code on_prophylaxis} (Y/N) disagrees with the management periods of prophylaxis against their class
 */
public record RegistryTteSummary(long patients, long excludedNoOutcome, boolean competingRelapse,
        boolean censorAtRelapse, long followUpPatientDays, long atRiskPatientDays,
        Map<FollowUpWindow, Long> windowPatientDays, long infections, long infectionsAtRisk, long toxicityEpisodes,
        long toxicityEpisodesAtRisk, long prophylaxisFlagDisagreements) {

    public RegistryTteSummary {
        windowPatientDays = Collections.unmodifiableMap(new EnumMap<>(windowPatientDays));
    }

    static RegistryTteSummary of(RegistryFollowUp.Totals totals, RegistryTteOptions options,
            List<PersonTimeCell> personTime, RegistryFollowUp.Events events) {
        Map<FollowUpWindow, Long> windows = new EnumMap<>(FollowUpWindow.class);
        for (FollowUpWindow w : FollowUpWindow.values()) {
            windows.put(w, 0L);
        }
        personTime.forEach(c -> windows.merge(c.window(), c.patientDays(), Long::sum));
        long infections = 0;
        long episodes = 0;
        long disagreements = 0;
        for (EventCell c : events.cells()) {
            if (c.infection() == null) {
                episodes += c.events();
                continue;
            }
            infections += c.events();
            String recorded = c.infection().recordedOnProphylaxis();
            Boolean covered = c.exposure().prophylaxisAgainst(c.infection().pathogenClass());
            if (recorded != null && covered != null && "Y".equals(recorded) != covered) {
                disagreements += c.events();
            }
        }
        return new RegistryTteSummary(totals.patients(), totals.excludedNoOutcome(), options.competingRelapse(),
                options.censorAtRelapse(), totals.followUpPatientDays(), totals.atRiskPatientDays(), windows,
                events.infections(), infections, events.toxicityEpisodes(), episodes, disagreements);
    }

    /** The patient-days of the windows added up. */
    public long windowPatientDaysTotal() {
        return windowPatientDays.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The invariant of the day split: the windows' patient-days, counted day by day, add up to the at-risk
     * patient-days computed from each patient's end day.
     */
    public boolean windowsAddUp() {
        return windowPatientDaysTotal() == atRiskPatientDays;
    }

    void write(Publisher publisher, Path target) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("patients", patients);
        json.put("excluded_no_outcome", excludedNoOutcome);
        json.put("competing_relapse", competingRelapse);
        json.put("censor_at_relapse", censorAtRelapse);
        json.put("follow_up_patient_days", followUpPatientDays);
        json.put("at_risk_patient_days", atRiskPatientDays);
        Map<String, Long> windows = new LinkedHashMap<>();
        windowPatientDays.forEach((w, days) -> windows.put(w.label(), days));
        json.put("window_patient_days", windows);
        json.put("window_patient_days_total", windowPatientDaysTotal());
        json.put("windows_add_up", windowsAddUp());
        json.put("infections", infections);
        json.put("infections_at_risk", infectionsAtRisk);
        json.put("toxicity_episodes", toxicityEpisodes);
        json.put("toxicity_episodes_at_risk", toxicityEpisodesAtRisk);
        json.put("prophylaxis_flag_disagreements", prophylaxisFlagDisagreements);
        publisher.writeJson(target, json);
    }
}
