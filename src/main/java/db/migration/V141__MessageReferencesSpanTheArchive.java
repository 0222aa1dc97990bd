package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from attachments and dispute_evidence to messages: an archived
 * message lives in messages_archive (V140), and with the key the move would delete its
 * attachments (ON DELETE CASCADE) or be refused (cited evidence). Both rows still go with
 * their conversation. Java, because the keys were declared without names and H2 names
 * them itself: the name is looked up in the information schema, which both databases
 * have.
 */
public class V141__MessageReferencesSpanTheArchive extends BaseJavaMigration {

	private static final String KEYS = "SELECT DISTINCT tc.constraint_name FROM information_schema.table_constraints tc "
			+ "JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name "
			+ "AND k.table_name = tc.table_name AND k.table_schema = tc.table_schema "
			+ "WHERE tc.constraint_type = 'FOREIGN KEY' AND UPPER(tc.table_name) = ? "
			+ "AND UPPER(k.column_name) = 'MESSAGE_ID' AND UPPER(tc.table_schema) = UPPER(CURRENT_SCHEMA)";

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		for (String table : List.of("attachments", "dispute_evidence")) {
			for (String key : foreignKeysToMessages(connection, table)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + key + "\"");
				}
			}
		}
	}

	private static List<String> foreignKeysToMessages(Connection connection, String table) throws SQLException {
		List<String> keys = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(KEYS)) {
			query.setString(1, table.toUpperCase());
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					keys.add(rs.getString(1));
				}
			}
		}
		return keys;
	}

}
