package io.harmattan.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.Browser;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In Chromium, in French: a consultant adds a follow-up on a lead's page for tomorrow; it waits in
 * "My tasks"; days pass and it becomes overdue, first in the list and on the console's home page;
 * the consultant marks it done.
 */
@QuarkusTest
class TasksBrowserTest {

    @Test
    void aFollowUpBecomesOverdueAndIsDone() {
        long id = TasksTest.aLead();
        String title = "Rappeler le directeur " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser consultant = Browser.open(TestStack.get().appUrl(), "fr", 1280)) {
            consultant.signIn("demo-consultant", "demo").waitForPath("/console");
            consultant.go("/console/leads/" + id);
            consultant.find("#task-title").sendKeys(title);
            // The due date is tomorrow unless changed, and the task is for whoever adds it.
            assertThat(consultant.find("#task-due").getAttribute("value")).isEqualTo(TasksTest.today().plusDays(1).toString());
            consultant.clickAndWait("#add-task");
            assertThat(consultant.text(".flash")).contains("Relance ajoutée.");
            assertThat(consultant.text("#task-list")).contains(title, "Prévue le");

            consultant.go("/console/tasks");
            assertThat(consultant.text("#tasks")).contains(title);
            assertThat(mine(consultant, title).getAttribute("data-when")).isEqualTo("later");

            TasksTest.dueDaysAgo(title, 1);
            consultant.go("/console/tasks");
            WebElement overdue = mine(consultant, title);
            assertThat(overdue.getAttribute("data-when")).isEqualTo("overdue");
            assertThat(overdue.getText()).contains("En retard");
            // Overdue ones come first.
            assertThat(consultant.find("#tasks li").getAttribute("data-when")).isEqualTo("overdue");
            Browser.screenshot(consultant.driver, "tasks-overdue-fr-1280");
            consultant.go("/console");
            assertThat(consultant.text("#tasks-link")).contains("en retard");

            consultant.go("/console/tasks");
            consultant.clickAndWait("#tasks li[data-id='" + mine(consultant, title).getAttribute("data-id") + "'] button.done");
            assertThat(consultant.text(".flash")).contains("Relance faite.");
            assertThat(consultant.pageText()).doesNotContain(title);
        }
    }

    private static WebElement mine(Browser browser, String title) {
        return browser.driver.findElements(By.cssSelector("#tasks li")).stream().filter(li -> li.getText().contains(title))
                .findFirst().orElseThrow(() -> new AssertionError("no task " + title + " in My tasks"));
    }
}
