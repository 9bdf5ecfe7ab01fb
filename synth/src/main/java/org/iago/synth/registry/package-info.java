/**
 * A deterministic synthetic cellular-therapy registry extract ({@code bin/iago synth registry},
 * docs/registry-format.md): patients drawn one by one from their own random stream
 * ({@link org.iago.synth.registry.PatientGenerator}) with toxicities and their raw grading parameters, neutrophil
 * courses, infections, management periods, relapse, subsequent neoplasms and death, each from a documented hazard
 * model; planted invalid lines ({@link org.iago.synth.registry.RegistryDefects}); and a manifest of every parameter
 * and the realised counts ({@link org.iago.synth.registry.RegistryManifest}) that the time-to-event tests compare with.
 */
package org.iago.synth.registry;
