/**
 * What every iago job runs on: the Spring Batch JobRepository (embedded H2 in the state folder, or PostgreSQL), the
 * run lock of a state folder with its holder's description, the runner that restarts what failed or died, and a copy
 * of the H2 JobRepository to read the run history while a run holds it.
 */
package org.iago.batch;
