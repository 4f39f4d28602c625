package io.tandem.core.matching.model;

import io.tandem.core.kernel.Role;

/**
 * Someone without a partner this round.
 *
 * @param explanation the reason in plain words addressed to the person, e.g. "no mentor two bands
 *     below you"
 */
public record Unmatched(Candidate person, Role role, UnmatchedReason reason, String explanation) {}
