// Apps, Files and Tasks over a scripted transport: answers Caspio may give that the emulator does
// not (a transport without sink support, a wrapped deploy code, odd shapes).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "caspio/caspio.hpp"
#include "caspio/testing/fake_transport.hpp"
#include "temp_dir.hpp"

using caspio::testing::FakeTransport;
using caspio_test::ScratchDir;

namespace {

struct Fake {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  caspio::Client client() {
    caspio::ClientOptions o;
    o.transport = transport;
    o.retry.sleep = [](std::chrono::milliseconds) {};
    return caspio::Client("acct", "tok", o);
  }
};

}  // namespace

TEST(SurfaceFakeTransport, DownloadWorksWithATransportThatIgnoresTheSink) {
  Fake fake;
  ScratchDir out;
  fake.transport->push(
      200, R"({"Result":{"Folders":[],"Files":[{"Name":"a.txt","ExternalKey":"k1","Size":5}]}})");
  fake.transport->push(200, "hello", {{"Content-Type", "text/plain"}});
  const auto result = fake.client().files().download_by_key("k1", "b", out.path().string());
  EXPECT_EQ(result.path, out.file("b.txt"));
  EXPECT_EQ(result.bytes, 5u);
  EXPECT_EQ(result.content_type, "text/plain");
  EXPECT_EQ(caspio_test::slurp(result.path), "hello");
  const auto sent = fake.transport->requests();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].url, "https://acct.caspio.com/rest/v2/files?externalKey=k1");
  EXPECT_EQ(sent[1].url, "https://acct.caspio.com/rest/v2/files/k1");
  EXPECT_NE(sent[1].body_sink, nullptr);
  EXPECT_EQ(out.entries(), 1u);
}

TEST(SurfaceFakeTransport, DeployCodeAcceptsABareOrWrappedStringOnly) {
  Fake fake;
  auto apps = fake.client().apps();
  fake.transport->push(200, R"("https://x/dp/1")");
  EXPECT_EQ(apps.dp_deploy_code_by_keys("a", "p", "u"), "https://x/dp/1");
  fake.transport->push(200, R"({"Result":"<iframe></iframe>"})");
  EXPECT_EQ(apps.dp_deploy_code_by_keys("a", "p", "I"), "<iframe></iframe>");
  fake.transport->push(200, R"({"Result":[1]})");
  EXPECT_THROW(apps.dp_deploy_code_by_keys("a", "p", "I"), caspio::ApiError);
  EXPECT_EQ(fake.transport->requests().at(0).url,
            "https://acct.caspio.com/rest/v2/applications/a/datapages/p/deployment?method=U");
}

TEST(SurfaceFakeTransport, UnexpectedShapesAreApiErrors) {
  Fake fake;
  fake.transport->push(200, R"({"Result":{"AppName":5}})");
  EXPECT_THROW(fake.client().apps().properties_by_key("k"), caspio::ApiError);
  fake.transport->push(200, R"({"NoResult":[]})");
  EXPECT_THROW(fake.client().tasks().listing(), caspio::ApiError);
  for (int i = 0; i < 4; ++i) fake.transport->push(200, "not json");  // fetched again, 4 times
  EXPECT_THROW(fake.client().files().metadata_by_key(), caspio::ApiError);
}

TEST(SurfaceFakeTransport, NearNamesComeFromTheListing) {
  Fake fake;
  fake.transport->push(200, R"({"Result":[{"Name":"Nightly_Export","ExternalKey":"1"},
      {"Name":"Weekly_Import","ExternalKey":"2"},{"Name":"Zeta","ExternalKey":"3"}]})");
  try {
    fake.client().tasks().run_by_name("nightly export");
    FAIL() << "expected NotFoundError";
  } catch (const caspio::NotFoundError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("'Nightly_Export'"), std::string::npos) << what;
    EXPECT_EQ(what.find("'Zeta'"), std::string::npos) << what;
  }
  EXPECT_EQ(fake.transport->requests().size(), 1u);
}
