package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.classreflect.core.apitoken.ApiToken;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.builders.Times;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiTokens} adapter must do. Tokens belong to users, so the store comes with users. */
public abstract class ApiTokensContract {

    public record Stores(Schools schools, Users users, ApiTokens tokens) {
    }

    private ApiTokens tokens;

    /** Empty stores: new ones, or shared ones the subclass has just cleaned. */
    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.users().insert(AUser.teacher("u-1", "s-1"));
        stores.users().insert(AUser.teacher("u-2", "s-1"));
        tokens = stores.tokens();
    }

    private static ApiToken token(String id, String userId, String hash, long minutesAfterT0) {
        return new ApiToken(id, userId, "script " + id, hash, Times.minutesAfterT0(minutesAfterT0), null);
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void roundTripsEveryFieldAndIsFoundByItsSecretHash() {
        ApiToken used = new ApiToken("t-1", "u-1", "Grading script ✓", hash('a'), Times.T0,
                Times.minutesAfterT0(5));
        tokens.insert(used);
        tokens.insert(token("t-2", "u-1", hash('b'), 1));

        assertThat(tokens.findBySecretHash(hash('a'))).hasValue(used);
        assertThat(tokens.findBySecretHash(hash('b'))).hasValue(token("t-2", "u-1", hash('b'), 1));
        assertThat(tokens.findBySecretHash(hash('c'))).isEmpty();
    }

    @Test
    void refusesTwoTokensWithTheSameSecretHash() {
        tokens.insert(token("t-1", "u-1", hash('a'), 0));

        assertThatThrownBy(() -> tokens.insert(token("t-2", "u-2", hash('a'), 1)))
                .isInstanceOf(RuntimeException.class);
        assertThat(tokens.listForUser("u-2")).isEmpty();
    }

    @Test
    void listsOnlyTheUsersOwnTokensOldestFirst() {
        tokens.insert(token("t-3", "u-1", hash('c'), 2));
        tokens.insert(token("t-1", "u-1", hash('a'), 0));
        tokens.insert(token("t-2", "u-2", hash('b'), 1));

        assertThat(tokens.listForUser("u-1")).extracting(ApiToken::id).containsExactly("t-1", "t-3");
        assertThat(tokens.listForUser("u-2")).extracting(ApiToken::id).containsExactly("t-2");
        assertThat(tokens.listForUser("nobody")).isEmpty();
    }

    @Test
    void deletesOnlyATokenOfTheGivenUser() {
        tokens.insert(token("t-1", "u-1", hash('a'), 0));

        assertThat(tokens.delete("t-1", "u-2")).isFalse();
        assertThat(tokens.findBySecretHash(hash('a'))).isPresent();
        assertThat(tokens.delete("t-1", "u-1")).isTrue();
        assertThat(tokens.findBySecretHash(hash('a'))).isEmpty();
        assertThat(tokens.delete("t-1", "u-1")).isFalse();
    }

    @Test
    void marksALastUseToTheMillisecond() {
        tokens.insert(token("t-1", "u-1", hash('a'), 0));
        tokens.insert(token("t-2", "u-1", hash('b'), 0));

        tokens.markUsed("t-1", Times.minutesAfterT0(90));

        assertThat(tokens.findBySecretHash(hash('a')).orElseThrow().lastUsedAt())
                .isEqualTo(Times.minutesAfterT0(90));
        assertThat(tokens.findBySecretHash(hash('b')).orElseThrow().lastUsedAt()).isNull();
    }
}
