package io.banshi.workflows.templates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.banshi.workflows.compiler.BpmnValidation;

/**
 * The templates and their versions in the database ({@code plan_template},
 * {@code plan_template_version}). All SQL about templates is here.
 *
 * <p>
 * A new version is numbered under a row lock on its template ({@code FOR UPDATE}), so two
 * analysts saving at once get two versions, never one twice. A version is checked before
 * it is saved: BPMN the engine would refuse (Zeebe's rules) or a descriptor that does not
 * read is rejected with every problem listed, and nothing is written.
 */
@Repository
public class TemplateRepository {

	static final String SELECT_SUMMARIES = """
			SELECT t.template_key, t.name, v.descriptor,
			       (SELECT MAX(a.version) FROM plan_template_version a WHERE a.template_id = t.id) AS latest,
			       (SELECT MAX(p.version) FROM plan_template_version p
			         WHERE p.template_id = t.id AND p.status = 'published') AS published
			FROM plan_template t
			LEFT JOIN plan_template_version v ON v.template_id = t.id
			  AND v.version = (SELECT MAX(m.version) FROM plan_template_version m WHERE m.template_id = t.id)
			ORDER BY t.template_key
			""";

	static final String VERSION_COLUMNS = "t.template_key, v.version, v.status, v.bpmn, v.descriptor, v.checksum, "
			+ "v.created_by, v.created_at, v.published_at";

	static final String SELECT_VERSION = "SELECT " + VERSION_COLUMNS
			+ " FROM plan_template_version v JOIN plan_template t ON t.id = v.template_id"
			+ " WHERE t.template_key = ? AND v.version = ?";

	static final String SELECT_VERSIONS = "SELECT " + VERSION_COLUMNS
			+ " FROM plan_template_version v JOIN plan_template t ON t.id = v.template_id"
			+ " WHERE t.template_key = ? ORDER BY v.version";

	static final String SELECT_PUBLISHED = "SELECT " + VERSION_COLUMNS
			+ " FROM plan_template_version v JOIN plan_template t ON t.id = v.template_id"
			+ " WHERE v.status = 'published' AND v.version = (SELECT MAX(p.version) FROM plan_template_version p"
			+ " WHERE p.template_id = t.id AND p.status = 'published') ORDER BY t.template_key";

	static final String SELECT_TEMPLATE_ID = "SELECT id FROM plan_template WHERE template_key = ?";

	static final String LOCK_TEMPLATE = SELECT_TEMPLATE_ID + " FOR UPDATE";

	static final String INSERT_TEMPLATE = "INSERT INTO plan_template (template_key, name, description, created_by)"
			+ " VALUES (?, ?, ?, ?)";

	static final String UPDATE_TEMPLATE = "UPDATE plan_template SET name = ?, description = ? WHERE id = ?";

	static final String NEXT_VERSION = "SELECT COALESCE(MAX(version), 0) + 1 FROM plan_template_version"
			+ " WHERE template_id = ?";

	static final String INSERT_VERSION = "INSERT INTO plan_template_version"
			+ " (template_id, version, bpmn, descriptor, checksum, status, created_by, created_at, published_at)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	static final String PUBLISH_VERSION = "UPDATE plan_template_version SET status = 'published', published_at = ?"
			+ " WHERE template_id = ? AND version = ? AND status = 'draft'";

	static final String SELECT_CHECKSUMS = "SELECT v.checksum FROM plan_template_version v"
			+ " JOIN plan_template t ON t.id = v.template_id WHERE t.template_key = ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AtomicLong changes = new AtomicLong();

	/**
	 * Creates the repository.
	 * @param jdbc the database
	 */
	public TemplateRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
	}

	/**
	 * Lists every template.
	 * @return the templates by key
	 */
	public List<TemplateSummary> list() {
		return this.jdbc.query(SELECT_SUMMARIES, (rs, row) -> {
			String descriptor = rs.getString("descriptor");
			String nameEn = (descriptor != null) ? TemplateDescriptor.parse(descriptor).nameEn() : rs.getString("name");
			return new TemplateSummary(rs.getString("template_key"), rs.getString("name"), nameEn, rs.getInt("latest"),
					rs.getInt("published"));
		});
	}

	/**
	 * Returns a template's highest published version.
	 * @param key the template key
	 * @return the version, or empty when the template has none published
	 */
	public Optional<TemplateVersion> get(String key) {
		return versions(key).stream()
			.filter((version) -> TemplateVersion.PUBLISHED.equals(version.status()))
			.reduce((first, second) -> second);
	}

	/**
	 * Returns one version of a template.
	 * @param key the template key
	 * @param version the version
	 * @return it, or empty when there is no such version
	 */
	public Optional<TemplateVersion> get(String key, int version) {
		return this.jdbc.query(SELECT_VERSION, TemplateRepository::version, key, version).stream().findFirst();
	}

	/**
	 * Returns every version of a template, oldest first.
	 * @param key the template key
	 * @return the versions (empty for an unknown template)
	 */
	public List<TemplateVersion> versions(String key) {
		return this.jdbc.query(SELECT_VERSIONS, TemplateRepository::version, key);
	}

	/**
	 * Returns the highest published version of every template.
	 * @return one version per template that has one published
	 */
	public List<TemplateVersion> published() {
		return this.jdbc.query(SELECT_PUBLISHED, TemplateRepository::version);
	}

	/**
	 * Saves a new draft version of a template (creating the template when its key is
	 * new). Its name and description become the template's.
	 * @param descriptor the descriptor (its key names the template)
	 * @param bpmn the BPMN 2.0 XML
	 * @param user who saves it
	 * @return the saved draft
	 * @throws IllegalArgumentException when the BPMN would not deploy or does not declare
	 * the template's process, listing every problem; nothing is saved then
	 */
	public TemplateVersion saveDraft(TemplateDescriptor descriptor, String bpmn, String user) {
		return save(descriptor, bpmn, user, false);
	}

	/**
	 * Publishes a draft version: errands use it from now on, unless a higher version is
	 * published.
	 * @param key the template key
	 * @param version the draft version
	 * @param user who publishes it
	 * @return the published version
	 * @throws IllegalArgumentException when there is no such draft
	 */
	public TemplateVersion publish(String key, int version, String user) {
		Long id = templateId(key).orElseThrow(() -> new IllegalArgumentException("No template '" + key + "'"));
		int updated = this.jdbc.update(PUBLISH_VERSION, Timestamp.from(Instant.now()), id, version);
		if (updated == 0) {
			throw new IllegalArgumentException("Template '" + key + "' has no draft version " + version);
		}
		this.changes.incrementAndGet();
		return get(key, version).orElseThrow();
	}

	/**
	 * Saves and publishes a version in one step (the built-in templates at start-up).
	 * @param descriptor the descriptor
	 * @param bpmn the BPMN 2.0 XML
	 * @param user who saves it
	 * @return the published version
	 * @throws IllegalArgumentException as {@link #saveDraft} does
	 */
	public TemplateVersion savePublished(TemplateDescriptor descriptor, String bpmn, String user) {
		return save(descriptor, bpmn, user, true);
	}

	/**
	 * Tells whether some version of a template has this BPMN.
	 * @param key the template key
	 * @param checksum the SHA-256 of the BPMN ({@link #checksum(String)})
	 * @return true when one has
	 */
	public boolean hasChecksum(String key, String checksum) {
		return this.jdbc.queryForList(SELECT_CHECKSUMS, String.class, key).contains(checksum);
	}

	/**
	 * Counts the changes to published templates this repository made, so that caches know
	 * when to reload.
	 * @return a number that grows with every publication
	 */
	long changes() {
		return this.changes.get();
	}

	/**
	 * Returns the checksum kept for a BPMN document.
	 * @param bpmn the BPMN 2.0 XML
	 * @return its SHA-256 in lower-case hex
	 */
	public static String checksum(String bpmn) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(bpmn.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private TemplateVersion save(TemplateDescriptor descriptor, String bpmn, String user, boolean publish) {
		List<String> problems = new ArrayList<>(BpmnValidation.problems(bpmn));
		if (problems.isEmpty() && !bpmn.contains("id=\"" + descriptor.processId() + "\"")) {
			problems.add("the BPMN must declare the process '" + descriptor.processId() + "'");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(
					"Template '" + descriptor.key() + "' cannot be saved: " + String.join("; ", problems));
		}
		Instant now = Instant.now();
		int version = this.transactions.execute((status) -> {
			Long id = lockOrCreate(descriptor, user);
			this.jdbc.update(UPDATE_TEMPLATE, descriptor.nameZh(), descriptor.descriptionZh(), id);
			Integer next = this.jdbc.queryForObject(NEXT_VERSION, Integer.class, id);
			this.jdbc.update(INSERT_VERSION, id, next, bpmn, descriptor.toJson(), checksum(bpmn),
					publish ? TemplateVersion.PUBLISHED : TemplateVersion.DRAFT, user, Timestamp.from(now),
					publish ? Timestamp.from(now) : null);
			return next;
		});
		if (publish) {
			this.changes.incrementAndGet();
		}
		return get(descriptor.key(), version).orElseThrow();
	}

	private Long lockOrCreate(TemplateDescriptor descriptor, String user) {
		Optional<Long> id = this.jdbc.queryForList(LOCK_TEMPLATE, Long.class, descriptor.key()).stream().findFirst();
		if (id.isPresent()) {
			return id.get();
		}
		this.jdbc.update(INSERT_TEMPLATE, descriptor.key(), descriptor.nameZh(), descriptor.descriptionZh(), user);
		return this.jdbc.queryForObject(LOCK_TEMPLATE, Long.class, descriptor.key());
	}

	private Optional<Long> templateId(String key) {
		return this.jdbc.queryForList(SELECT_TEMPLATE_ID, Long.class, key).stream().findFirst();
	}

	private static TemplateVersion version(ResultSet rs, int row) throws SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		return new TemplateVersion(rs.getString("template_key"), rs.getInt("version"), rs.getString("status"),
				rs.getString("bpmn"), TemplateDescriptor.parse(rs.getString("descriptor")), rs.getString("checksum"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				(published != null) ? published.toInstant() : null);
	}

}
