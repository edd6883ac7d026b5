package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** Checks of what plot's HTTP front end sends, as a user's program would read it. */
final class ChartAssertions {

  /** A strict parser: NaN and Infinity are errors, as in any standard JSON reader. */
  static final ObjectMapper STRICT = JsonMapper.builder()
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  private ChartAssertions() {
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Parses a body strictly and checks it carries no non-finite token. */
  static JsonNode json(String body) throws IOException {
    assertFalse(body.contains("NaN") || body.contains("Infinity"), body);
    return STRICT.readTree(body);
  }

  /** Decodes a PNG, checks its size and that it holds more than one colour. */
  static BufferedImage png(byte[] bytes, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertNotNull(image, "not a PNG");
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 10, "the picture is blank: " + colours.size() + " colours");
    return image;
  }

  /** Pixels of clear colour (not white, grey or black) in a band of rows, such as an emoji. */
  static int colouredPixels(BufferedImage image, int fromRow, int toRow) {
    int count = 0;
    for (int y = fromRow; y < toRow; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          count++;
        }
      }
    }
    return count;
  }

  /** Parses SVG as XML, refusing DTDs, and checks it holds no script and no event handler. */
  static Document svg(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    Document document = builder.parse(new ByteArrayInputStream(bytes));
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      assertFalse(element.getLocalName().equalsIgnoreCase("script"), "a script element");
      assertFalse(element.getLocalName().equalsIgnoreCase("foreignObject"), "foreign markup");
      NamedNodeMap attributes = element.getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        String name = attributes.item(a).getNodeName().toLowerCase(java.util.Locale.ROOT);
        assertFalse(name.startsWith("on"), "an event attribute " + name);
      }
    }
    return document;
  }

  /** The text of every SVG {@code text} element with the given class, in document order. */
  static List<String> texts(Document svg, String cssClass) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = svg.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (cssClass.equals(element.getAttribute("class"))) {
        texts.add(element.getTextContent());
      }
    }
    return texts;
  }

  /** The {@code d} of every line piece SVG draws for a series, in order. */
  static List<String> pieces(Document svg, int series) {
    List<String> pieces = new ArrayList<>();
    NodeList groups = svg.getElementsByTagNameNS("*", "g");
    for (int g = 0; g < groups.getLength(); g++) {
      Element group = (Element) groups.item(g);
      if (!Integer.toString(series).equals(group.getAttribute("data-series"))) {
        continue;
      }
      NodeList paths = group.getElementsByTagNameNS("*", "path");
      for (int p = 0; p < paths.getLength(); p++) {
        Element path = (Element) paths.item(p);
        if ("piece".equals(path.getAttribute("class"))) {
          pieces.add(path.getAttribute("d"));
        }
      }
    }
    return pieces;
  }
}
