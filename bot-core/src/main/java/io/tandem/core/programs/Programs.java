package io.tandem.core.programs;

import io.tandem.core.programs.persistence.JpaPrograms;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The programs each workspace runs. */
public interface Programs {

  static Programs in(Store store) {
    return new JpaPrograms(store);
  }

  Optional<Program> byId(long id);

  /** The program every workspace gets on first use, once it exists. */
  Optional<Program> defaultOf(long workspaceId);

  /** The workspace's programs, by name. */
  List<Program> inWorkspace(long workspaceId);

  Program add(Program program);

  /** Every open, running or paused program of every workspace, in id order. */
  List<Program> live();

  /** The program with this name, ignoring case and surrounding blanks. */
  default Optional<Program> named(long workspaceId, String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return inWorkspace(workspaceId).stream()
        .filter(p -> p.getName().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }
}
