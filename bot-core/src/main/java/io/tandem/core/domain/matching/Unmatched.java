package io.tandem.core.domain.matching;

import io.tandem.core.domain.Role;

/**
 * Someone without a partner this round.
 *
 * @param explanation the reason in plain words addressed to the person, e.g. "no mentor two bands
 *     below you"
 */
public record Unmatched(Candidate person, Role role, UnmatchedReason reason, String explanation) {}
