/**
 * Time to onset from FAERS: the days from a drug's start to the event date of each report
 * ({@link org.iago.tte.OnsetTimes}), and per drug and toxicity group their median, quartiles and Weibull shape test
 * ({@link org.iago.tte.OnsetJob}); the registry's time-to-event analysis is in {@code org.iago.tte.registry}.
 */
package org.iago.tte;
