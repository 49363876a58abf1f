import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import org.openqa.selenium.*;
import org.openqa.selenium.chrome.*;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Times each page from the hash change to data-ready, in headless Chromium, against a running server. */
public class UiTiming {
  public static void main(String[] a) throws Exception {
    String base = a[0], token = a[1];
    ChromeOptions o = new ChromeOptions(); o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless=new","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-dev-shm-usage",
      "--user-data-dir=" + Files.createTempDirectory("uit"), "--window-size=1280,900");
    WebDriver b = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), o);
    try {
      b.get(base + "/ui/");
      ((JavascriptExecutor) b).executeScript("sessionStorage.setItem('sightline.token', arguments[0])", token);
      b.navigate().refresh();
      new WebDriverWait(b, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("main")).getAttribute("data-ready") != null);
      String[] pages = a[2].split(",");
      for (int round = 0; round < 4; round++) {
        StringBuilder line = new StringBuilder("round " + round + ":");
        for (String page : pages) {
          Object ms = ((JavascriptExecutor) b).executeAsyncScript(
            "const done = arguments[arguments.length - 1]; const hash = arguments[0]; const t0 = performance.now();" +
            "const main = document.getElementById('main'); main.dataset.ready = '';" +
            "const check = () => { if (main.dataset.ready === hash) { requestAnimationFrame(() => done(Math.round(performance.now() - t0))); } else setTimeout(check, 5); };" +
            "location.hash = hash; check();", page);
          line.append(String.format(" %s=%sms", page, ms));
        }
        System.out.println(line);
      }
    } finally { b.quit(); }
  }
}
