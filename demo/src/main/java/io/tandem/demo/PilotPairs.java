package io.tandem.demo;

import io.tandem.app.Tandem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pilot's pairs as the database holds them, by their people's handles. */
final class PilotPairs {

  private PilotPairs() {}

  /** A person's handle from the name the platform shows (Discord capitalises it). */
  static String handle(String displayName) {
    return displayName.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
  }

  /** The program's pairs, proposed or approved, by their people's names. */
  static List<Pilot.Pair> of(Tandem tandem) {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT mm.display_name, me.display_name FROM mentoring_pair p"
                    + " JOIN participant a ON a.id = p.mentor_id"
                    + " JOIN member mm ON mm.id = a.member_id"
                    + " JOIN participant b ON b.id = p.mentee_id"
                    + " JOIN member me ON me.id = b.member_id"
                    + " WHERE p.status <> 'ENDED' ORDER BY p.id")) {
      List<Pilot.Pair> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Pilot.Pair(handle(rs.getString(1)), handle(rs.getString(2))));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the pairs", e);
    }
  }
}
