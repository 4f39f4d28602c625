package io.tandem.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps the production code readable in small pieces: no class over {@value #MAX_CLASS_LINES} lines
 * and no method over {@value #MAX_METHOD_LINES}, unless the line just above the declaration (above
 * its annotations) says why, as {@code // Long because …}. Reads every module's {@code
 * src/main/java}, found by walking up from bot-core to the repository root.
 */
class SourceSizeTest {

  static final int MAX_CLASS_LINES = 400;
  static final int MAX_METHOD_LINES = 60;
  static final String REASON = "// Long because";

  /** The source paths (relative to the repository root) held to the limits: every module's. */
  static final List<String> CHECKED = List.of("");

  @Test
  @DisplayName("no class over 400 lines and no method over 60 without a written reason")
  void sourcesStaySmall() throws IOException {
    Path root = repositoryRoot();
    List<Path> sources = mainSources(root);
    assertThat(sources)
        .as("Java sources under %s (the check would otherwise pass vacuously)", CHECKED)
        .isNotEmpty();

    List<String> problems = new ArrayList<>();
    for (Path source : sources) {
      problems.addAll(problemsIn(root, source));
    }
    assertThat(problems).as("classes and methods over the limits, each with no reason").isEmpty();
  }

  private static List<String> problemsIn(Path root, Path source) throws IOException {
    List<String> lines = Files.readAllLines(source);
    ParseResult<CompilationUnit> parsed =
        new JavaParser(
                new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
            .parse(String.join("\n", lines));
    String name = root.relativize(source).toString().replace('\\', '/');
    assertThat(parsed.isSuccessful()).as("%s parses: %s", name, parsed.getProblems()).isTrue();
    CompilationUnit unit = parsed.getResult().orElseThrow();

    List<String> problems = new ArrayList<>();
    for (TypeDeclaration<?> type : unit.getTypes()) {
      if (lines.size() > MAX_CLASS_LINES && !hasReason(lines, type)) {
        problems.add(
            "%s: class %s has %d lines".formatted(name, type.getNameAsString(), lines.size()));
      }
    }
    for (CallableDeclaration<?> method : unit.findAll(CallableDeclaration.class)) {
      int length = length(method);
      if (length > MAX_METHOD_LINES && !hasReason(lines, method)) {
        problems.add(
            "%s:%d: %s has %d lines"
                .formatted(name, line(method), method.getDeclarationAsString(), length));
      }
    }
    return problems;
  }

  /**
   * The comment above the declaration (above its annotations and Javadoc) gives the reason; it may
   * run over several {@code //} lines.
   */
  private static boolean hasReason(List<String> lines, Node declaration) {
    int index = line(declaration) - 2;
    while (index >= 0) {
      String text = lines.get(index).strip();
      if (text.startsWith(REASON)) {
        return true;
      }
      boolean partOfDeclaration =
          text.startsWith("@")
              || text.startsWith("*")
              || text.startsWith("/**")
              || text.startsWith("//");
      if (!partOfDeclaration) {
        return false;
      }
      index--;
    }
    return false;
  }

  private static int line(Node node) {
    return node.getBegin().orElseThrow().line;
  }

  private static int length(Node node) {
    return node.getEnd().orElseThrow().line - line(node) + 1;
  }

  private static List<Path> mainSources(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
        Path main = module.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(main)) {
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> isChecked(root.relativize(file).toString().replace('\\', '/')))
              .sorted()
              .forEach(found::add);
        }
      }
    }
    return found;
  }

  private static boolean isChecked(String relative) {
    return CHECKED.stream().anyMatch(relative::startsWith);
  }

  /** The nearest directory above the working directory whose pom.xml lists modules. */
  private static Path repositoryRoot() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}
