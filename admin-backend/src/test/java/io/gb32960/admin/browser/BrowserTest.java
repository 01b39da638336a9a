package io.gb32960.admin.browser;

import io.gb32960.admin.support.AdminInfra;
import io.gb32960.admin.support.TestVins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.File;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser (Debian's chromium and chromium-driver, headless): sign in, register a
 * vehicle through the form, find it with the htmx filter, open its page, sign out. Skipped, with a
 * message, where chromium or its driver is not installed ({@code apt-get install chromium chromium-driver}).
 */
@EnabledIf(value = "browserInstalled", disabledReason = "chromium or chromedriver not installed"
        + " (apt-get install chromium chromium-driver): browser test skipped")
@ExtendWith(AdminInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTest {

    private static final File CHROMIUM = new File(System.getProperty("gb32960.test.chromium", "/usr/bin/chromium"));
    private static final File DRIVER = new File(System.getProperty("gb32960.test.chromedriver", "/usr/bin/chromedriver"));

    private static WebDriver browser;

    @LocalServerPort
    int port;

    static boolean browserInstalled() {
        return CHROMIUM.canExecute() && DRIVER.canExecute();
    }

    @BeforeAll
    static void browser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void anAdministratorSignsInRegistersAVehicleFindsItAndSignsOut() {
        browser.get(url("/vehicles"));
        waiting().until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("bootstrap-secret-1");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/vehicles"));

        String vin = TestVins.vin("LBR");
        browser.get(url("/vehicles/new"));
        browser.findElement(By.name("vin")).sendKeys(vin.substring(0, 16) + "I"); // not a GB 16735 VIN
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error")))
                .getText()).contains("GB 16735");
        browser.findElement(By.name("vin")).clear();
        browser.findElement(By.name("vin")).sendKeys(vin);
        browser.findElement(By.name("plate")).sendKeys("沪A 12345");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/vehicles/" + vin));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(vin);
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("registered");

        browser.get(url("/vehicles"));
        browser.findElement(By.name("q")).sendKeys(vin);
        // htmx replaces the table once typing pauses: wait for the filtered table (other tests' vehicles
        // share the database, so the unfiltered table also lists this VIN among others)
        waiting().until(d -> d.findElements(By.cssSelector("#vehicle-table tbody tr")).size() == 1
                && d.findElement(By.id("vehicle-table")).getText().contains(vin));
        assertThat(browser.findElements(By.cssSelector("#vehicle-table tbody tr"))).hasSize(1);
        waiting().until(ExpectedConditions.urlContains("q=")); // hx-push-url: the filter is in the address

        browser.findElement(By.cssSelector("form.signout button")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(url("/dashboard"));
        waiting().until(ExpectedConditions.urlContains("/login"));
    }
}
