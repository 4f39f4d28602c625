package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.config.ConfigLoader;
import io.tandem.config.TandemConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The files in {@code deploy/} agree with the code they deploy: the Kubernetes example's probes,
 * grace period, user and secrets, and every environment variable the examples set is one Tandem
 * reads.
 */
@DisplayName("deploy/: Kubernetes, Compose and systemd examples")
class DeployFilesTest {

  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

  @TempDir Path dir;

  private static List<Map<String, Object>> kubernetes() throws Exception {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document :
        new Load(LoadSettings.builder().build())
            .loadAllFromString(Files.readString(DEPLOY.resolve("kubernetes/tandem.yaml")))) {
      documents.add(map(document));
    }
    return documents;
  }

  private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static Object at(Object root, String... path) {
    Object here = root;
    for (String step : path) {
      here = step.matches("\\d+") ? list(here).get(Integer.parseInt(step)) : map(here).get(step);
    }
    return here;
  }

  /**
   * Every variable Tandem reads when started as the examples start it: with the image's tandem.yml
   * (the systemd unit installs the same file).
   */
  private static Set<String> variablesTandemReads() throws Exception {
    Set<String> names = new HashSet<>();
    Matcher m = REFERENCE.matcher(Files.readString(ContainerImageTest.IMAGE_CONFIG));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  @DisplayName("two replicas in Slack HTTP mode on PostgreSQL, probed on /health/live and /ready")
  void kubernetesDeployment() throws Exception {
    List<Map<String, Object>> documents = kubernetes();
    Map<String, Object> deployment = kind(documents, "Deployment");
    Object pod = at(deployment, "spec", "template", "spec");
    Object container = at(pod, "containers", "0");

    assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
    assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
    assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
    assertThat(at(container, "ports", "0", "containerPort")).isEqualTo(8080);
    // the clean stop fits in the grace period, after the preStop pause
    int grace = (Integer) at(pod, "terminationGracePeriodSeconds");
    int preStop = (Integer) at(container, "lifecycle", "preStop", "sleep", "seconds");
    assertThat(grace).isEqualTo(30);
    assertThat(Duration.ofSeconds(preStop).plus(TandemConfig.DEFAULT_STOP_GRACE))
        .isLessThan(Duration.ofSeconds(grace));
    // the image's non-root user, which the pod insists on
    assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(Files.readString(Path.of("pom.xml")))
        .contains("<user>" + at(pod, "securityContext", "runAsUser") + ":");

    // AND secrets come from the Secret, never from the ConfigMap
    Map<String, Object> configMap = map(kind(documents, "ConfigMap").get("data"));
    Map<String, String> env = new HashMap<>();
    configMap.forEach((k, v) -> env.put(k, v.toString()));
    Set<String> fromSecret = new HashSet<>();
    for (Object variable : list(at(container, "env"))) {
      String name = (String) map(variable).get("name");
      Object secret = at(variable, "valueFrom");
      if (secret != null && map(secret).containsKey("secretKeyRef")) {
        fromSecret.add(name);
      }
      env.put(name, "from-the-cluster");
    }
    assertThat(fromSecret)
        .containsExactlyInAnyOrder(
            "TANDEM_DATABASE_PASSWORD",
            "TANDEM_DASHBOARD_SECRET",
            "SLACK_BOT_TOKEN",
            "SLACK_SIGNING_SECRET");
    assertThat(configMap.keySet()).doesNotContainAnyElementsOf(fromSecret);

    // AND every variable set is one Tandem reads, and together they make a valid configuration
    assertThat(variablesTandemReads()).containsAll(env.keySet());
    env.put("SLACK_BOT_TOKEN", "xoxb-from-the-secret");
    env.put("TANDEM_DASHBOARD_SECRET", "0123456789abcdef0123456789abcdef");
    TandemConfig config =
        ConfigLoader.load(ContainerImageTest.IMAGE_CONFIG.toAbsolutePath(), dir, env);
    assertThat(config.database().url()).startsWith("jdbc:postgresql://");
    assertThat(config.slack().mode().name()).isEqualToIgnoringCase("http");
    assertThat(config.scheduler().instanceId()).isEqualTo("from-the-cluster");
  }

  @Test
  @DisplayName("Compose runs Tandem on its PostgreSQL with variables Tandem reads")
  void compose() throws Exception {
    Map<String, Object> compose =
        map(
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(DEPLOY.resolve("docker-compose.yml"))));
    Map<String, Object> tandem = map(at(compose, "services", "tandem"));
    assertThat(map(at(compose, "services")).keySet()).contains("postgres");
    Map<String, Object> env = map(tandem.get("environment"));
    assertThat(env.get("TANDEM_DATABASE_URL").toString())
        .startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(variablesTandemReads()).containsAll(env.keySet());
    assertThat(tandem.get("stop_grace_period")).isEqualTo("30s");
    assertThat(map(at(tandem, "depends_on", "postgres")).get("condition"))
        .isEqualTo("service_healthy");

    // AND the systemd unit and the env example name only variables Tandem reads
    for (String line : Files.readAllLines(DEPLOY.resolve("tandem.env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertThat(variablesTandemReads()).contains(line.substring(0, line.indexOf('=')));
      }
    }
    // (or, in the unit, that the launcher it starts Java with reads)
    Set<String> known = new HashSet<>(variablesTandemReads());
    Matcher launcherReference =
        Pattern.compile("\\$\\{(TANDEM_[A-Z_]+)").matcher(Files.readString(LauncherTest.LAUNCHER));
    while (launcherReference.find()) {
      known.add(launcherReference.group(1));
    }
    for (String line : Files.readAllLines(DEPLOY.resolve("tandem.service"))) {
      if (line.startsWith("Environment=")) {
        String assignment = line.substring("Environment=".length()).replace("\"", "");
        assertThat(known).contains(assignment.substring(0, assignment.indexOf('=')));
      }
    }
    assertThat(Files.readString(DEPLOY.resolve("tandem.service")))
        .contains("TimeoutStopSec=30")
        .contains("ExecStart=/opt/tandem/tandem run --config /etc/tandem/tandem.yml")
        .contains("TANDEM_CACHE_DIR=/var/cache/tandem")
        .contains("CacheDirectory=tandem");
  }
}
