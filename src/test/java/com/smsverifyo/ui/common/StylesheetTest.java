package com.smsverifyo.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The app's stylesheet parses without a single error. JavaFX only logs CSS errors and then drops
 * every rule after the broken one, so an unclosed brace silently unstyles half the pages.
 */
class StylesheetTest {

    @Test
    void deskCssParsesCleanly() throws IOException {
        URL css = getClass().getResource("/com/smsverifyo/ui/desk.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();

        Stylesheet sheet = new CssParser().parse(css);

        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).collect(Collectors.toList());
        assertThat(errors).isEmpty();
        // Every rule has a selector that names something: a rule swallowed by an unclosed brace would
        // show up as a selector holding declarations.
        assertThat(sheet.getRules()).extracting(Rule::getSelectors).allSatisfy(selectors ->
                assertThat(selectors.toString()).doesNotContain("-fx-"));
    }
}
