package io.tandem.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;

/**
 * A URL setting (a constraint checked when a file is read): one of {@link #schemes()} and a host;
 * for APIs, a path ending with {@code /}.
 */
@Constraint(validatedBy = WebUrl.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface WebUrl {

  String message();

  String[] schemes();

  /** Whether an API base: the path ends with {@code /} and there is no query. */
  boolean base() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a {@link WebUrl}. */
  final class Check implements ConstraintValidator<WebUrl, URI> {

    private List<String> schemes;
    private boolean base;

    @Override
    public void initialize(WebUrl constraint) {
      schemes = List.of(constraint.schemes());
      base = constraint.base();
    }

    @Override
    public boolean isValid(URI uri, ConstraintValidatorContext context) {
      return uri == null
          || (schemes.contains(uri.getScheme())
              && uri.getHost() != null
              && (!base
                  || (uri.getRawPath() != null
                      && uri.getRawPath().endsWith("/")
                      && uri.getRawQuery() == null)));
    }
  }
}
