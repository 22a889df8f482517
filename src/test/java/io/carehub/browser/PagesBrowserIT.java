package io.carehub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubApi;
import io.carehub.HubTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer pages' frame in a real browser: a failure page renders in German, and in English on request. */
@HubTest
@Tag("browser")
class PagesBrowserIT {

    @Autowired
    HubApi hub;

    @Test
    void aFailurePageRendersInGermanByDefaultAndInEnglishOnRequest() {
        try (HeadlessChromium browser = new HeadlessChromium("frame")) {
            WebDriver page = browser.driver();
            page.get("http://127.0.0.1:" + hub.port() + "/pages/problem/link-expired");
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("de");
            assertThat(HeadlessChromium.heading(page, "Dieser Link ist abgelaufen"))
                    .isEqualTo("Dieser Link ist abgelaufen");
            // the stylesheet arrived under the CSP: the problem card has its red edge
            assertThat(page.findElement(By.cssSelector(".card.problem")).getCssValue("border-left-color"))
                    .isEqualTo("rgba(155, 28, 28, 1)");
            browser.screenshot("link-expired-de");

            page.findElement(By.linkText("English")).click();
            // the heading first: it waits until the English page has replaced the German one
            assertThat(HeadlessChromium.heading(page, "This link has expired")).isEqualTo("This link has expired");
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("en");
            browser.screenshot("link-expired-en");

            // the choice is remembered (cookie) on the next page
            page.get("http://127.0.0.1:" + hub.port() + "/pages/problem/link-used");
            assertThat(HeadlessChromium.heading(page, "This link was already used"))
                    .isEqualTo("This link was already used");
        }
    }
}
