package io.banshi.workflows.templates;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import io.banshi.db.TestDatabase;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Template versions on the test database (H2, or MariaDB with {@code -Pmariadb}).
 */
class TemplateRepositoryTest {

	private HikariDataSource dataSource;

	private TemplateRepository repository;

	private TemplatePublisher publisher;

	@BeforeEach
	void setUp() {
		this.dataSource = TestDatabase.create("templates").migrated().dataSource();
		this.repository = new TemplateRepository(new JdbcTemplate(this.dataSource));
		this.publisher = new TemplatePublisher(this.repository);
	}

	@AfterEach
	void tearDown() {
		this.dataSource.close();
	}

	@Test
	void shouldPublishTheBuiltInTemplatesAsVersionOneOnce() {
		// given
		int first = this.publisher.publishBuiltIns();

		// when
		int second = this.publisher.publishBuiltIns();

		// then
		assertThat(first).isEqualTo(5);
		assertThat(second).isZero();
		assertThat(this.repository.list()).extracting(TemplateSummary::key, TemplateSummary::publishedVersion)
			.contains(org.assertj.core.groups.Tuple.tuple("trip_with_budget", 1),
					org.assertj.core.groups.Tuple.tuple("reminder", 1))
			.hasSize(5);
		TemplateVersion trip = this.repository.get("trip_with_budget").orElseThrow();
		assertThat(trip.createdBy()).isEqualTo("system");
		assertThat(trip.status()).isEqualTo(TemplateVersion.PUBLISHED);
		assertThat(trip.checksum()).isEqualTo(TemplateRepository.checksum(trip.bpmn()));
		assertThat(trip.descriptor().parameters()).extracting(TemplateParameter::name).contains("budget");
	}

	@Test
	void shouldPublishANewVersionWhenTheBuiltInFileChanged() {
		// given: the database holds an older file of the reminder template
		BuiltInTemplates.BuiltIn reminder = builtIn("reminder");
		this.repository.savePublished(reminder.descriptor(), reminder.bpmn().replace("at the set time", "at the time"),
				"system");

		// when
		int published = this.publisher.publishBuiltIns();

		// then
		assertThat(published).isEqualTo(5);
		assertThat(this.repository.versions("reminder")).extracting(TemplateVersion::version).containsExactly(1, 2);
		assertThat(this.repository.get("reminder").orElseThrow().bpmn()).isEqualTo(reminder.bpmn());
	}

	@Test
	void shouldKeepADraftOutOfErrandsUntilItIsPublished() {
		// given
		this.publisher.publishBuiltIns();
		BuiltInTemplates.BuiltIn buy = builtIn("buy_after_compare");
		String edited = buy.bpmn().replace("name=\"compare shop.product\"", "name=\"pick the cheapest\"");

		// when
		TemplateVersion draft = this.repository.saveDraft(buy.descriptor(), edited, "analyst");

		// then
		assertThat(draft.version()).isEqualTo(2);
		assertThat(draft.status()).isEqualTo(TemplateVersion.DRAFT);
		assertThat(draft.createdBy()).isEqualTo("analyst");
		assertThat(this.repository.get("buy_after_compare").orElseThrow().version()).isEqualTo(1);

		// when
		TemplateVersion published = this.repository.publish("buy_after_compare", 2, "analyst");

		// then
		assertThat(published.status()).isEqualTo(TemplateVersion.PUBLISHED);
		assertThat(published.publishedAt()).isNotNull();
		assertThat(this.repository.get("buy_after_compare").orElseThrow().bpmn()).contains("pick the cheapest");
		assertThat(this.repository.list()).filteredOn((summary) -> summary.key().equals("buy_after_compare"))
			.extracting(TemplateSummary::latestVersion, TemplateSummary::publishedVersion)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2));
	}

	@Test
	void shouldRefuseBpmnTheEngineWouldNotDeployAndSaveNothing() {
		// given
		this.publisher.publishBuiltIns();
		BuiltInTemplates.BuiltIn buy = builtIn("buy_after_compare");
		String broken = buy.bpmn()
			.replace("<zeebe:taskDefinition type=\"order\"/>", "<zeebe:taskDefinition type=\"\"/>");

		// when / then
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.repository.saveDraft(buy.descriptor(), broken, "analyst"))
			.withMessageContaining("buy")
			.withMessageContaining("type");
		assertThat(this.repository.versions("buy_after_compare")).hasSize(1);
	}

	@Test
	void shouldRefuseToPublishAVersionThatIsNoDraft() {
		// given
		this.publisher.publishBuiltIns();

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> this.repository.publish("reminder", 1, "analyst"))
			.withMessageContaining("no draft version 1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.repository.publish("nothing", 1, "analyst"))
			.withMessageContaining("No template 'nothing'");
	}

	@Test
	void shouldMatchPlansAgainstTheVersionsPublishedInTheDatabase() {
		// given
		this.publisher.publishBuiltIns();
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				Map.of("repository", this.repository, "catalog", CapabilityCatalog.builtIn()));
		TemplateMatcher matcher = new TemplateMatcher(beans.getBeanProvider(TemplateRepository.class),
				beans.getBeanProvider(CapabilityCatalog.class), new BpmnPlanCompiler(), ZoneId.of("Asia/Shanghai"));
		Plan plan = new Plan(Map.of("amount", 35, "item", "午饭"),
				List.of(new PlanStep("s1", StepKind.ORDER, "finance.ledger", Map.of(), List.of()),
						new PlanStep("s2", StepKind.NOTIFY, "notify.message", Map.of(), List.of("s1"))));
		assertThat(matcher.match(plan)).hasValueSatisfying((match) -> assertThat(match.version()).isEqualTo(1));
		BuiltInTemplates.BuiltIn bookkeeping = builtIn("bookkeeping");
		TemplateVersion draft = this.repository.saveDraft(bookkeeping.descriptor(),
				bookkeeping.bpmn().replace("name=\"order finance.ledger\"", "name=\"write it down\""), "analyst");

		// when
		this.repository.publish("bookkeeping", draft.version(), "analyst");

		// then
		assertThat(matcher.match(plan)).hasValueSatisfying((match) -> {
			assertThat(match.key()).isEqualTo("bookkeeping");
			assertThat(match.version()).isEqualTo(2);
			assertThat(match.variables()).containsEntry("amount", 35).containsEntry("item", "午饭");
		});
	}

	private static BuiltInTemplates.BuiltIn builtIn(String key) {
		return BuiltInTemplates.load()
			.stream()
			.filter((template) -> template.descriptor().key().equals(key))
			.findFirst()
			.orElseThrow();
	}

}
