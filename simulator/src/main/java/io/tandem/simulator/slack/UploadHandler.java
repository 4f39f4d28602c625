package io.tandem.simulator.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.simulator.http.MultipartForm;
import java.io.IOException;
import java.util.Locale;

/**
 * Serves the {@code upload_url}s that {@code files.getUploadURLExternal} hands out: {@code POST
 * /upload/{fileId}} with the file's bytes, raw or as the one file part of a multipart/form-data
 * body. Answers 200 {@code OK - {length}} like Slack, 404 for an unknown or already completed file.
 */
final class UploadHandler implements HttpHandler {

  private final SlackSimulator simulator;

  UploadHandler(SlackSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod().toUpperCase(Locale.ROOT))) {
      HttpExchanges.send(exchange, 405, "method not allowed");
      return;
    }
    String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] bytes =
        MultipartForm.isMultipart(contentType)
            ? MultipartForm.files(contentType, body).stream()
                .findFirst()
                .map(MultipartForm.Part::bytes)
                .orElse(null)
            : body;
    if (bytes == null || !simulator.uploads().receive(fileId, bytes)) {
      HttpExchanges.send(exchange, 404, "file not found");
      return;
    }
    HttpExchanges.send(exchange, 200, "OK - " + bytes.length);
  }
}
